import { MatPaginatorIntl } from '@angular/material/paginator';
import { Routes } from '@angular/router';
import { adminGuard } from './core/guards';
import { TranslatedPaginatorIntl } from './core/paginator-intl';
import { Shell } from './ui/shell';
import { confirmLeaveWithUnsavedInput } from './ui/unsaved-input';

/**
 * The signed-in part of the client, loaded lazily from app.routes.ts once the guards there let the user in: the
 * shell with its pages, and what only these pages use (the paginator's translated labels).
 */
export const signedInRoutes: Routes = [
  {
    path: '',
    component: Shell,
    providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
    children: [
      { path: '', pathMatch: 'full', loadComponent: () => import('./home/home-page').then((m) => m.HomePage) },
      {
        path: 'account',
        loadComponent: () => import('./account/profile-page').then((m) => m.ProfilePage),
        canDeactivate: [confirmLeaveWithUnsavedInput],
      },
      {
        path: 'account/meldingen',
        loadComponent: () => import('./notifications/notification-settings-page').then((m) => m.NotificationSettingsPage),
        canDeactivate: [confirmLeaveWithUnsavedInput],
      },
      { path: 'beheer', canActivate: [adminGuard], loadChildren: () => import('./admin/admin.routes').then((m) => m.adminRoutes) },
      { path: 'netwerken', loadChildren: () => import('./networks/networks.routes').then((m) => m.networksRoutes) },
      {
        path: 'overleggen/:id',
        canDeactivate: [confirmLeaveWithUnsavedInput],
        loadComponent: () => import('./meetings/meeting-page').then((m) => m.MeetingPage),
      },
      {
        path: 'acties',
        loadComponent: () => import('./actions/my-actions-page').then((m) => m.MyActionsPage),
        canDeactivate: [confirmLeaveWithUnsavedInput],
      },
      {
        path: 'vragen/:id',
        loadComponent: () => import('./questions/question-page').then((m) => m.QuestionPage),
        canDeactivate: [confirmLeaveWithUnsavedInput],
      },
      {
        path: 'casussen/:id',
        loadComponent: () => import('./cases/case-page').then((m) => m.CasePage),
        canDeactivate: [confirmLeaveWithUnsavedInput],
      },
    ],
  },
];
