/** Evidence clipping: the highlight card (content script) asks the background to keep a clip. */
import { z } from 'zod';
import { defineMessages } from './define';
import { ClipSchema } from '../reviews/evidence';

export const evidenceMessages = defineMessages({
  /** Keeps a pending clip (no review yet); the user files it in the side panel's Reviews tab. */
  'evidence/add': {
    request: ClipSchema,
    response: z.object({ id: z.string() }),
  },
});
