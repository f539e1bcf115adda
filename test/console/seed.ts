import { join } from 'node:path';

export interface SeedUser {
  email: string;
  name: string;
  role: 'admin' | 'marketer' | 'cashier';
  password: string;
}

const PASSWORD = 'console-browser-test-password';

/** What the global setup creates through the API; tests find these by name. */
export const SEED = {
  staff: {
    /** Shared signed-in state (STORAGE_STATE.admin): never signs out. */
    admin: { email: 'admin@vafa.test', name: 'Ava Admin', role: 'admin', password: PASSWORD },
    /** Signs in through the form, with a wrong password first. */
    signIn: { email: 'signin@vafa.test', name: 'Sina Signin', role: 'admin', password: PASSWORD },
    /** Signs in and out through the form. */
    signOut: { email: 'signout@vafa.test', name: 'Omid Out', role: 'marketer', password: PASSWORD },
    cashier: { email: 'till@vafa.test', name: 'Kian Cashier', role: 'cashier', password: PASSWORD },
  } satisfies Record<string, SeedUser>,
  members: [
    { name: 'Parisa Kamali', email: 'parisa@example.com', phone: '+989121110001' },
    { name: 'Reza Nouri', email: 'reza@example.com', phone: '+989121110002' },
    { name: 'Sara Ahmadi', email: 'sara@example.com' },
    /** Granted goodwill in member.spec.ts. */
    { name: 'Mina Goodwill', email: 'mina@example.com', phone: '+989121110009' },
  ],
};

/** The CDNOW sample's purchases span these dates; the models are fitted at the end. */
export const CDNOW_PERIOD = { from: '1997-01-01', to: '1998-06-30' };
export const CDNOW_FIT_AS_OF = CDNOW_PERIOD.to;

/** Signed-in browser states of this run's throwaway server (git-ignored). */
const stateDir = join(__dirname, '../../test-artifacts/console/.auth');
export const STORAGE_STATE = {
  admin: join(stateDir, 'admin.json'),
  cashier: join(stateDir, 'cashier.json'),
};
