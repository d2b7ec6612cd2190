// Login throttling (docs/rules.md §11): too many failures for one e-mail, or from one address,
// within the window → refused until failures age out.
import type { Db } from '../../server/db/client.ts';

export const THROTTLE_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 30;

export async function isLoginThrottled(db: Db, email: string, ip: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MINUTES * 60_000);
  const [byEmail, byIp] = await Promise.all([
    db.loginFailure.count({ where: { email, createdAt: { gte: since } } }),
    db.loginFailure.count({ where: { ip, createdAt: { gte: since } } }),
  ]);
  return byEmail >= MAX_FAILURES_PER_EMAIL || byIp >= MAX_FAILURES_PER_IP;
}

export async function recordLoginFailure(db: Db, email: string, ip: string, now: Date): Promise<void> {
  await db.loginFailure.create({ data: { email, ip, createdAt: now } });
}
