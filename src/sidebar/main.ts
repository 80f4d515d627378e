import { callServer } from './server';

const app = document.getElementById('app') as HTMLElement;
callServer('getSetup').then(
  (setup) => {
    app.textContent = `${setup.sheets.length} sheets`;
  },
  (error: Error) => {
    app.textContent = error.message;
  },
);
