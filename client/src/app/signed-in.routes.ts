import { MatPaginatorIntl } from '@angular/material/paginator';
import { Routes } from '@angular/router';
import { adminRoutes } from './admin/admin.routes';
import { adminGuard } from './core/guards';
import { TranslatedPaginatorIntl } from './core/paginator-intl';
import { networksRoutes } from './networks/networks.routes';
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
      // The feature route tables are a few lines of lazy pages each: here, not a round trip of their own.
      { path: 'beheer', canActivate: [adminGuard], children: adminRoutes },
      { path: 'netwerken', children: networksRoutes },
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
