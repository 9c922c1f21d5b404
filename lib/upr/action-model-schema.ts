/**
 * The bundled 4-vs-5 model (data/action-model.json), written by scripts/train-action-model.ts. This
 * schema is the only source of its type.
 */
import { z } from 'zod';

export const ActionModelSchema = z
  .object({
    version: z.literal(1),
    /** Which coded rows it learned from: "sessions 1-9" (the training part of the split it is judged on). */
    trainedOn: z.string().min(1),
    /** Rows it learned from (those the rules read as 4 or 5 and the coders coded 4 or 5). */
    rows: z.number().int().positive(),
    options: z.object({ c: z.number().positive(), keep: z.number().int().positive(), minCount: z.number().int().positive() }),
    /** Weights are in hundredths: the score is (bias + the weights of the features present) / 100. */
    bias: z.number().int(),
    features: z.array(z.string().min(3)),
    weights: z.array(z.number().int()),
  })
  .refine((m) => m.features.length === m.weights.length, { message: 'one weight per feature' })
  .refine((m) => new Set(m.features).size === m.features.length, { message: 'features are unique' });

export type ActionModel = z.infer<typeof ActionModelSchema>;
