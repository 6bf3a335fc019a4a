import { Routes } from '@angular/router';

export const adminRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'netwerken' },
  { path: 'organisaties', loadComponent: () => import('./organisations-page').then((m) => m.OrganisationsPage) },
  { path: 'gebruikers', loadComponent: () => import('./users-page').then((m) => m.UsersPage) },
  { path: 'netwerken', loadComponent: () => import('./networks-page').then((m) => m.AdminNetworksPage) },
];
