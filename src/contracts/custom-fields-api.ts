import { z } from 'zod';
import { idParamSchema, okSchema } from './common.ts';
import {
  customFieldInputSchema,
  customFieldSchema,
  personCustomValuesInputSchema,
  personCustomValuesSchema,
} from './custom-fields.ts';
import { defineRoute } from './route.ts';

const read = { permission: 'people.read' } as const;
const define = { permission: 'people.fields' } as const;
const tags = ['custom fields'] as const;

/** The campaign's own fields on people: their definitions and each person's values. */
export const customFieldsApi = {
  list: defineRoute({
    method: 'GET',
    path: '/api/custom-fields',
    summary: "The campaign's custom fields on people, with how many people have a value",
    tags,
    access: read,
    response: { 200: z.array(customFieldSchema) },
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/custom-fields',
    summary: 'Define a custom field',
    tags,
    access: define,
    body: customFieldInputSchema,
    problems: { 409: '`field_key_taken`: another field has this key.' },
    response: { 200: customFieldSchema },
  }),
  update: defineRoute({
    method: 'PUT',
    path: '/api/custom-fields/:id',
    summary: "Change a field's labels or options (key and type only while no one has a value)",
    tags,
    access: define,
    params: idParamSchema,
    body: customFieldInputSchema,
    problems: {
      409: "`field_key_taken`, `field_in_use` (people have values: key and type cannot change) or `option_in_use` (a removed option is some people's value).",
    },
    response: { 200: customFieldSchema },
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: '/api/custom-fields/:id',
    summary: "Delete a field and every person's value for it (audited)",
    tags,
    access: define,
    params: idParamSchema,
    response: { 200: okSchema },
  }),
  personValues: defineRoute({
    method: 'GET',
    path: '/api/people/:id/custom-fields',
    summary: "A person's custom field values, by key",
    tags,
    access: read,
    params: idParamSchema,
    response: { 200: personCustomValuesSchema },
  }),
  setPersonValues: defineRoute({
    method: 'PUT',
    path: '/api/people/:id/custom-fields',
    summary: "Set some of a person's custom field values (null removes one)",
    tags,
    access: { permission: 'people.write' },
    params: idParamSchema,
    body: personCustomValuesInputSchema,
    response: { 200: personCustomValuesSchema },
  }),
};
