import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fieldQuestionnairesApi as api } from '../../../contracts/field-api.ts';
import type { QuestionnaireInput } from '../../../contracts/field-questionnaires.ts';
import type { Questionnaire } from '../../../contracts/field-visits.ts';
import { call } from '../../core/api.ts';

const questionnairesKey = ['field', 'questionnaires'] as const;

export const useQuestionnaires = () =>
  useQuery({ queryKey: questionnairesKey, queryFn: () => call(api.list) });

export const useQuestionnaire = (id: number) =>
  useQuery({
    queryKey: [...questionnairesKey, id],
    queryFn: () => call(api.get, { params: { id } }),
  });

function useQuestionnaireMutation<I>(mutationFn: (input: I) => Promise<Questionnaire>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (saved) => {
      client.setQueryData([...questionnairesKey, saved.id], saved);
      await client.invalidateQueries({ queryKey: questionnairesKey, exact: true });
    },
  });
}

export const useCreateQuestionnaire = () =>
  useQuestionnaireMutation((body: QuestionnaireInput) => call(api.create, { body }));

export const useSaveQuestionnaire = () =>
  useQuestionnaireMutation(
    ({ id, body }: { id: number; body: QuestionnaireInput & { archived?: boolean } }) =>
      call(api.save, { params: { id }, body }),
  );
