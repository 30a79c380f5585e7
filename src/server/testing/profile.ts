import { Browser, signupAndConfirm, type TestApp } from './harness.ts';

/** A new supporter signs up, logs in and sends their profile form; returns the answer. */
export async function saveProfileAsNewPerson(
  t: TestApp,
  email: string,
  profile: Record<string, unknown>,
) {
  await signupAndConfirm(t, { email });
  const browser = new Browser(t.app);
  await browser.login(t, email);
  return browser.put('/api/me/profile', profile);
}
