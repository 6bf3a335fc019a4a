import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app/app';
import { appConfig } from './app/app.config';

bootstrapApplication(App, appConfig).catch((error: unknown) => {
  document.body.textContent = 'Casustafel kon niet starten. Vernieuw de pagina; blijft dit gebeuren, meld het dan bij de beheerder.';
  throw error;
});
