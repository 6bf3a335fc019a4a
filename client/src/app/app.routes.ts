import { Routes } from '@angular/router';
import { adminGuard, authGuard, guestGuard, mfaEnrolmentGuard } from './core/guards';
import { Shell } from './ui/shell';
import { confirmLeaveWithUnsavedInput } from './ui/unsaved-input';

export const routes: Routes = [
  { path: 'inloggen', canActivate: [guestGuard], loadComponent: () => import('./login/login-page').then((m) => m.LoginPage) },
  {
    path: 'account/activeren',
    data: { mode: 'activate' },
    loadComponent: () => import('./account/choose-password-page').then((m) => m.ChoosePasswordPage),
  },
  {
    path: 'account/herstellen',
    data: { mode: 'reset' },
    loadComponent: () => import('./account/choose-password-page').then((m) => m.ChoosePasswordPage),
  },
  {
    path: 'account/tweede-stap',
    canActivate: [authGuard],
    loadComponent: () => import('./account/mfa-setup-page').then((m) => m.MfaSetupPage),
  },
  {
    path: '',
    component: Shell,
    canActivate: [authGuard, mfaEnrolmentGuard],
    canActivateChild: [mfaEnrolmentGuard],
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
  { path: '**', redirectTo: '' },
];
