import { Routes } from '@angular/router';
import { confirmLeaveWithUnsavedInput } from '../ui/unsaved-input';

export const adminRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'netwerken' },
  {
    path: 'organisaties',
    loadComponent: () => import('./organisations-page').then((m) => m.OrganisationsPage),
    canDeactivate: [confirmLeaveWithUnsavedInput],
  },
  {
    path: 'gebruikers',
    loadComponent: () => import('./users-page').then((m) => m.UsersPage),
    canDeactivate: [confirmLeaveWithUnsavedInput],
  },
  {
    path: 'netwerken',
    loadComponent: () => import('./networks-page').then((m) => m.AdminNetworksPage),
    canDeactivate: [confirmLeaveWithUnsavedInput],
  },
];
