import { Routes } from '@angular/router';

export const networksRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: '/' },
  { path: ':id', loadComponent: () => import('./network-page').then((m) => m.NetworkPage) },
];
