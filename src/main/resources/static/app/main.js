import { get, signIn, signOut, ApiError } from './api.js';

const $ = id => document.getElementById(id);

function showError(error) {
  $('error').textContent = error instanceof ApiError ? error.message : String(error);
  $('error').classList.remove('d-none');
}

async function start() {
  $('error').classList.add('d-none');
  let me;
  try {
    me = await get('/api/accounts/me');
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) showError(error);
    $('sign-in').classList.remove('d-none');
    $('home').classList.add('d-none');
    $('who').replaceChildren();
    $('username').focus();
    return;
  }
  $('sign-in').classList.add('d-none');
  const who = document.createElement('span');
  who.textContent = `${me.username} (${me.role})`;
  const out = document.createElement('button');
  out.className = 'btn btn-outline-secondary btn-sm';
  out.textContent = 'Sign out';
  out.addEventListener('click', async () => { await signOut().catch(showError); start(); });
  $('who').replaceChildren(who, out);
  const heading = document.createElement('h1');
  heading.className = 'h4';
  heading.textContent = `Welcome, ${me.username}`;
  $('home').replaceChildren(heading);
  $('home').classList.remove('d-none');
}

$('sign-in-form').addEventListener('submit', async event => {
  event.preventDefault();
  try {
    await signIn($('username').value, $('password').value);
    $('password').value = '';
    await start();
  } catch (error) {
    showError(error);
  }
});

start();
