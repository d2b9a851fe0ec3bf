/**
 * Marking an agency-year missing, or taking the mark back, with a note: the one place the quality page's form and
 * its matrix cells send the mutation and say what happened (the server's refusal in a clerk's words).
 */
import { ref } from 'vue';
import { useI18n } from '../../composables/use-i18n';
import { ApiError, request } from '../../graphql/client';
import { MarkSubmissionMissingDocument, UnmarkSubmissionMissingDocument } from '../../graphql/api';
import type { MarkChoice } from './missing-marks.model';

/** A note says what was checked: at least two characters. */
export const noteIsEnough = (note: string) => note.trim().length >= 2;

export function useMissingMark(changed: () => void) {
  const { t } = useI18n();
  const busy = ref(false);
  const error = ref<string | null>(null);
  const done = ref<string | null>(null);

  /** Sends the mark (or its withdrawal); true when it was stored. */
  async function run(choice: MarkChoice, mark: boolean, note: string): Promise<boolean> {
    if (!noteIsEnough(note)) return false;
    busy.value = true;
    error.value = null;
    done.value = null;
    try {
      const variables = { agencyId: choice.agencyId, year: choice.year, note: note.trim() };
      if (mark) await request(MarkSubmissionMissingDocument, variables);
      else await request(UnmarkSubmissionMissingDocument, variables);
      done.value = t(mark ? 'missingMarks.marked' : 'missingMarks.unmarked', { agency: choice.agencyName, year: choice.year });
      changed();
      return true;
    } catch (e) {
      error.value = e instanceof ApiError ? e.message : String(e);
      return false;
    } finally {
      busy.value = false;
    }
  }

  return { busy, error, done, run };
}
