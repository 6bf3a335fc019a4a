import { Routes } from '@angular/router';
import { adminGuard, authGuard, guestGuard } from './core/guards';
import { Shell } from './ui/shell';

export const routes: Routes = [
  { path: 'inloggen', canActivate: [guestGuard], loadComponent: () => import('./login/login-page').then((m) => m.LoginPage) },
  {
    path: '',
    component: Shell,
    canActivate: [authGuard],
    children: [
      { path: '', pathMatch: 'full', loadComponent: () => import('./home/home-page').then((m) => m.HomePage) },
      { path: 'beheer', canActivate: [adminGuard], loadChildren: () => import('./admin/admin.routes').then((m) => m.adminRoutes) },
      { path: 'netwerken', loadChildren: () => import('./networks/networks.routes').then((m) => m.networksRoutes) },
      { path: 'overleggen/:id', loadComponent: () => import('./meetings/meeting-page').then((m) => m.MeetingPage) },
      { path: 'acties', loadComponent: () => import('./actions/my-actions-page').then((m) => m.MyActionsPage) },
      { path: 'vragen/:id', loadComponent: () => import('./questions/question-page').then((m) => m.QuestionPage) },
      { path: 'casussen/:id', loadComponent: () => import('./cases/case-page').then((m) => m.CasePage) },
    ],
  },
  { path: '**', redirectTo: '' },
];
