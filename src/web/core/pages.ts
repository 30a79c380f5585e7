import type { Icon } from '@tabler/icons-react';
import { lazy, type ComponentType } from 'react';
import type { Access } from '../../contracts/access.ts';
import { nationalAccessAllows } from '../../contracts/access.ts';
import type { Permission } from '../../contracts/roles.ts';
import type { MessageKey } from './i18n/index.tsx';

/** Who may open a page: the same declarations as the API's routes, public pages aside. */
export type PageAccess = Exclude<Access, { public: true }>;

/**
 * A page of the app behind a login, declared once by its feature: the router guards it with
 * `access` and, with `nav`, the menus list it for whoever that access admits.
 */
export interface PageDefinition {
  path: string;
  access: PageAccess;
  Component: ComponentType;
  nav?: { label: MessageKey; icon: Icon; group: 'hq' | 'admin' };
}

export type NavPage = PageDefinition & { nav: NonNullable<PageDefinition['nav']> };

/** Loads a named page export on demand, so public pages stay light. */
export function lazyPage<M>(load: () => Promise<M>, name: keyof M) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

/** Whether an account holding these permissions may open the page (the server checks again). */
export const pageAllows = (access: PageAccess, permissions: readonly Permission[]) =>
  nationalAccessAllows(access, permissions);
