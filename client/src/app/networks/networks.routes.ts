import { Routes } from '@angular/router';
import { confirmLeaveWithUnsavedInput } from '../ui/unsaved-input';

export const networksRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: '/' },
  { path: ':id', loadComponent: () => import('./network-page').then((m) => m.NetworkPage), canDeactivate: [confirmLeaveWithUnsavedInput] },
  { path: ':id/casussen', loadComponent: () => import('../cases/case-list-page').then((m) => m.CaseListPage) },
  {
    path: ':id/casussen/nieuw',
    loadComponent: () => import('../cases/case-intake-page').then((m) => m.CaseIntakePage),
    canDeactivate: [confirmLeaveWithUnsavedInput],
  },
  { path: ':id/vragen', loadComponent: () => import('../questions/question-list-page').then((m) => m.QuestionListPage) },
  {
    path: ':id/vragen/nieuw',
    loadComponent: () => import('../questions/question-form-page').then((m) => m.QuestionFormPage),
    canDeactivate: [confirmLeaveWithUnsavedInput],
  },
  {
    path: ':id/overleggen',
    loadComponent: () => import('../meetings/meeting-list-page').then((m) => m.MeetingListPage),
    canDeactivate: [confirmLeaveWithUnsavedInput],
  },
  {
    path: ':id/convenant',
    loadComponent: () => import('./covenant-page').then((m) => m.CovenantPage),
    canDeactivate: [confirmLeaveWithUnsavedInput],
  },
  { path: ':id/cijfers', loadComponent: () => import('../figures/figures-page').then((m) => m.FiguresPage) },
  { path: ':id/logboek', loadComponent: () => import('./access-log-page').then((m) => m.AccessLogPage) },
];
