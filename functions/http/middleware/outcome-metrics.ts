/**
 * Metrics every route records from its answer: a 4xx by problem kind (ClientErrors), a 503 as
 * DependencyUnavailable (alarmed on). The business metrics of a success are the implementations' own.
 */
import { metricsRecorder } from '../../runtime/metrics';
import { problemKindOf } from '../problem';
import { statusOf } from './access-log';
import type { PipelineRequest } from './request-scope';

export function outcomeMetrics() {
  return {
    onError: (request: PipelineRequest) => {
      const status = statusOf(request);
      if (status >= 400 && status < 500) metricsRecorder.count('ClientErrors', 1, { kind: problemKindOf(request.error).slug });
      if (status === 503) metricsRecorder.count('DependencyUnavailable', 1);
    },
  };
}
