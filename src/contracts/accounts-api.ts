import {
  loginCodeSchema,
  loginLinkSchema,
  loginPasswordSchema,
  loginStartSchema,
  sessionInfoSchema,
  setPasswordSchema,
} from './accounts.ts';
import { okSchema } from './common.ts';
import { defineRoute } from './route.ts';

const tags = ['accounts'] as const;
const loggedIn = { authenticated: true } as const;

/** Logging in and out, the session and the logged-in person's password. */
export const accountsApi = {
  session: defineRoute({
    method: 'GET',
    path: '/api/session',
    summary: 'The logged-in person (if any) and a CSRF token',
    tags,
    access: { public: true, session: 'optional' },
    response: { 200: sessionInfoSchema },
  }),
  loginStart: defineRoute({
    method: 'POST',
    path: '/api/auth/login/start',
    summary: 'Mail a 6-digit login code and a login link',
    tags,
    access: { public: true },
    body: loginStartSchema,
    response: { 200: okSchema },
  }),
  loginCode: defineRoute({
    method: 'POST',
    path: '/api/auth/login/code',
    summary: 'Log in with the mailed 6-digit code',
    tags,
    access: { public: true },
    body: loginCodeSchema,
    response: { 200: sessionInfoSchema },
  }),
  loginLink: defineRoute({
    method: 'POST',
    path: '/api/auth/login/link',
    summary: 'Log in with the token of the mailed login link',
    tags,
    access: { public: true },
    body: loginLinkSchema,
    response: { 200: sessionInfoSchema },
  }),
  loginPassword: defineRoute({
    method: 'POST',
    path: '/api/auth/login/password',
    summary: 'Log in with a staff password',
    tags,
    access: { public: true },
    body: loginPasswordSchema,
    response: { 200: sessionInfoSchema },
  }),
  logout: defineRoute({
    method: 'POST',
    path: '/api/auth/logout',
    summary: 'Log out (end the current login)',
    tags,
    access: loggedIn,
    response: { 200: okSchema },
  }),
  logoutEverywhere: defineRoute({
    method: 'POST',
    path: '/api/auth/logout-everywhere',
    summary: 'End every session of the logged-in person',
    tags,
    access: loggedIn,
    response: { 200: okSchema },
  }),
  setPassword: defineRoute({
    method: 'POST',
    path: '/api/auth/password',
    summary: "Set or change the logged-in person's password",
    tags,
    access: loggedIn,
    body: setPasswordSchema,
    response: { 200: okSchema },
  }),
};
