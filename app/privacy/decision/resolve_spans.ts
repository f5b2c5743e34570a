import type { PhiSpan, PhiType } from '#privacy/phi_types'
import type { AllowList } from '#privacy/allow_list/allow_list'

/** When two detections of different types overlap, the earlier type in this list wins (at equal score). */
const TYPE_PRIORITY: PhiType[] = [
  'SSN',
  'EMAIL',
  'URL',
  'IP',
  'MRN',
  'HEALTH_PLAN_ID',
  'ACCOUNT',
  'LICENSE',
  'VEHICLE_ID',
  'DEVICE_ID',
  'BIOMETRIC',
  'OTHER_ID',
  'FAX',
  'PHONE',
  'DATE',
  'AGE',
  'ADDRESS',
  'ZIP',
  'ORGANIZATION',
  'NAME',
  'CITY',
  'STATE',
]

/** Types the clinical allow-list may veto: words, and dates that are really readings such as "BP 132/84". */
const VETOABLE: ReadonlySet<PhiType> = new Set(['NAME', 'ORGANIZATION', 'CITY', 'STATE', 'DATE'])

export interface ResolveOptions {
  /** Spans scoring below this are dropped. Low by default: a miss is worse than a false alarm. */
  threshold: number
  allowList: AllowList
}

/**
 * The decision layer: drops low-scoring spans and words of clinical
 * vocabulary, then merges overlapping detections. Overlaps become one span
 * covering all of them (so no part of any detection leaks), typed by the
 * best-scoring detection, ties going to the more specific type.
 */
export function resolveSpans(text: string, spans: PhiSpan[], options: ResolveOptions): PhiSpan[] {
  const kept = spans.filter(
    (span) => span.end > span.start && span.score >= options.threshold && !(VETOABLE.has(span.type) && options.allowList.covers(text, span.start, span.end))
  )
  kept.sort((a, b) => a.start - b.start || b.end - a.end)

  const merged: PhiSpan[] = []
  let cluster: PhiSpan[] = []
  let clusterEnd = -1
  const flush = () => {
    if (cluster.length > 0) merged.push(mergeCluster(text, cluster))
    cluster = []
  }
  for (const span of kept) {
    if (span.start >= clusterEnd) {
      flush()
      clusterEnd = span.end
    } else {
      clusterEnd = Math.max(clusterEnd, span.end)
    }
    cluster.push(span)
  }
  flush()
  return merged
}

function mergeCluster(text: string, cluster: PhiSpan[]): PhiSpan {
  let winner = cluster[0]
  let winnerRank = rank(winner)
  let start = winner.start
  let end = winner.end
  const sources = new Set<string>()
  for (const span of cluster) {
    const spanRank = rank(span)
    if (spanRank > winnerRank) {
      winner = span
      winnerRank = spanRank
    }
    if (span.start < start) start = span.start
    if (span.end > end) end = span.end
    sources.add(span.source)
  }
  return { start, end, type: winner.type, text: text.slice(start, end), score: winner.score, source: [...sources].join('+') }
}

/** Type specificity as a fraction below 1 (earlier in TYPE_PRIORITY is higher); unknown types get the lowest. */
const TYPE_RANK = new Map(TYPE_PRIORITY.map((type, index) => [type, (TYPE_PRIORITY.length - index) / TYPE_PRIORITY.length]))
const UNKNOWN_TYPE_RANK = (TYPE_PRIORITY.length + 1) / TYPE_PRIORITY.length

/** Higher is better: score first, then type specificity. */
function rank(span: PhiSpan): number {
  return span.score * 100 + (TYPE_RANK.get(span.type) ?? UNKNOWN_TYPE_RANK)
}
