/** The cookie holding the CSRF secret (@fastify/csrf-protection, signed). */
export const CSRF_COOKIE = 'levier_csrf';
