import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  confirmResultSchema,
  signupInputSchema,
  signupResultSchema,
} from '../../../contracts/recruitment.ts';
import { api } from '../../core/api.ts';

export type SignupRequest = z.input<typeof signupInputSchema>;
export type SignupResult = z.infer<typeof signupResultSchema>;
export type ConfirmResult = z.infer<typeof confirmResultSchema>;

export function useSignup() {
  return useMutation({
    mutationFn: (input: SignupRequest) => api.post<SignupResult>('/api/signup', input),
  });
}

export function useConfirm() {
  return useMutation({
    mutationFn: (token: string) => api.post<ConfirmResult>('/api/signup/confirm', { token }),
  });
}
