// The login form of the document served for /inloggen (client/src/login-shell.html, ADR 0032): signs in without the
// app, then opens the page asked for (`?terug=`, on this site only) in a full load. Everything else this page can
// lead to is Angular's login page, which this script starts in place (`startApp`) with the step in the address:
// the second step after the password (`?stap=code`), a forgotten password (`?stap=vergeten`), English, a visitor
// whose browser says it had a session (the guard then sends them on), any other parameter (`?verlopen=`,
// `?melding=`). The typed e-mail address goes along in sessionStorage for Angular's page to fill in; a password never.
// Copied into the build with its content's hash in the name by client/tools/login-shell.cjs; no inline script (CSP).
(() => {
  'use strict';
  const SESSION_HINT = 'casustafel.sessie';
  const LANGUAGE = 'casustafel.taal';
  const HANDED_EMAIL = 'casustafel.inloggen.email';

  const shell = document.getElementById('login-shell');
  const form = document.getElementById('login-form');
  if (!shell || !form) return;
  const email = document.getElementById('login-email');
  const password = document.getElementById('login-password');
  const reveal = document.getElementById('login-reveal');
  const submit = document.getElementById('login-submit');
  const alert = document.getElementById('login-alert');
  const text = form.dataset;
  const appScripts = (shell.dataset.app || '').split(' ').filter(Boolean);
  const appPreloads = (shell.dataset.preload || '').split(' ').filter(Boolean);

  const read = (storage, key) => {
    try {
      return window[storage].getItem(key);
    } catch {
      return null; // Storage switched off: nothing remembered.
    }
  };
  const write = (storage, key, value) => {
    try {
      window[storage].setItem(key, value);
    } catch {
      // Storage switched off: the choice holds for this page only.
    }
  };

  let started = false;
  /** Hands the page to Angular: its scripts are loaded, it draws its login page for `search`, App removes this one. */
  function startApp(search) {
    if (started) return;
    started = true;
    if (search !== undefined) history.replaceState(history.state, '', location.pathname + search);
    shell.inert = true;
    shell.setAttribute('aria-busy', 'true');
    for (const href of appPreloads) {
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.href = href;
      document.head.appendChild(link);
    }
    for (const src of appScripts) {
      const script = document.createElement('script');
      script.type = 'module';
      script.src = src;
      script.async = false;
      document.body.appendChild(script);
    }
  }

  const params = new URLSearchParams(location.search);
  const withStep = (step) => {
    const next = new URLSearchParams(location.search);
    next.set('stap', step);
    return `?${next}`;
  };
  if (
    read('localStorage', SESSION_HINT) === '1' ||
    read('localStorage', LANGUAGE) === 'en' ||
    [...params.keys()].some((k) => k !== 'terug')
  ) {
    startApp();
    return;
  }

  /** Where to go once signed in: `?terug=` when it is a path on this site, else the start page. */
  function target() {
    const back = params.get('terug');
    if (back && back.startsWith('/')) {
      try {
        const url = new URL(back, location.origin);
        if (url.origin === location.origin) return url.pathname + url.search + url.hash;
      } catch {
        // Not an address: the start page.
      }
    }
    return '/';
  }

  /** Shows or clears the message under a field; the field is marked invalid for assistive technology too. */
  function check(input, message) {
    const valid = input.value !== '' && input.checkValidity();
    const error = document.getElementById(input.getAttribute('aria-describedby'));
    input.parentElement.classList.toggle('invalid', !valid);
    input.setAttribute('aria-invalid', String(!valid));
    error.textContent = valid ? '' : message;
    return valid;
  }
  const checkEmail = () => check(email, text.textEmailRequired);
  const checkPassword = () => check(password, text.textPasswordRequired);
  // Like the app's forms: a field says what is wrong once it has been left, and stops saying it once it is right.
  for (const [input, validate] of [
    [email, checkEmail],
    [password, checkPassword],
  ]) {
    input.addEventListener('blur', validate);
    input.addEventListener('input', () => {
      if (input.getAttribute('aria-invalid') === 'true') validate();
    });
  }

  reveal.addEventListener('click', () => {
    const show = password.type === 'password';
    password.type = show ? 'text' : 'password';
    reveal.setAttribute('aria-pressed', String(show));
    reveal.setAttribute('aria-label', show ? text.textHide : text.textShow);
    reveal.firstElementChild.textContent = show ? 'visibility_off' : 'visibility';
  });

  function busy(on) {
    form.setAttribute('aria-busy', String(on));
    submit.disabled = on;
    submit.textContent = on ? text.textBusy : text.textSubmit;
  }

  function fail(message) {
    busy(false);
    alert.textContent = message;
    alert.hidden = false;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    const emailValid = checkEmail();
    const passwordValid = checkPassword();
    if (!emailValid || !passwordValid) {
      (emailValid ? password : email).focus();
      return;
    }
    busy(true);
    alert.hidden = true;
    let response;
    try {
      response = await fetch('/api/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ email: email.value, password: password.value }),
      });
    } catch {
      return fail(text.textOffline);
    }
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      // The server's own message (Dutch: ADR 0011), as the app shows it.
      return fail(body && typeof body.message === 'string' && body.message ? body.message : text.textUnexpected);
    }
    password.value = '';
    if (body && body.mfaRequired) {
      startApp(withStep('code'));
      return;
    }
    write('localStorage', SESSION_HINT, '1');
    location.assign(target());
  });

  document.getElementById('login-forgot').addEventListener('click', () => {
    write('sessionStorage', HANDED_EMAIL, email.value);
    startApp(withStep('vergeten'));
  });
  document.getElementById('login-language').addEventListener('click', () => {
    write('localStorage', LANGUAGE, 'en');
    write('sessionStorage', HANDED_EMAIL, email.value);
    startApp();
  });

  // While the visitor types, the app's files come into the browser's cache for the page after signing in.
  window.addEventListener('load', () => {
    for (const href of [...appScripts, ...appPreloads]) {
      const link = document.createElement('link');
      link.rel = 'prefetch';
      link.href = href;
      document.head.appendChild(link);
    }
  });

  submit.disabled = false;
})();
