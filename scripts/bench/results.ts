/**
 * The shape of the files the benchmark writes: bench/results*.json (scripts/bench/run.ts) and
 * bench/lighthouse.json (scripts/bench/lighthouse.ts). The writers are checked against these types
 * and the readers (scripts/bench/report.ts, the bench smoke test) cast the parsed JSON to them.
 * Sections a run could not measure carry `available: false` and a `reason`, or `skipped`.
 */
import type { LoadResult } from "./load";
import type { TimingSummary } from "./stats";

export type BenchCase = {
  name: string;
  group: "article" | "baselineA" | "baselineB" | "reader";
  path: string;
  headers?: Record<string, string>;
  note?: string;
  result?: LoadResult;
  bytes?: number;
  status?: number;
  skipped?: string;
  cache?: string | null;
};

export type ApprovalResult = {
  available: boolean;
  reason?: string;
  actionMs?: number;
  visibleMs?: number | null;
  approvals?: number;
  article?: string;
  note?: string;
};

export type AutosaveResult = Partial<TimingSummary> & {
  available: boolean;
  reason?: string;
  mode?: string;
  durationS?: number;
  editors?: number;
  saves?: number;
  savesPerSecond?: number;
  failed?: number;
  conflicts?: number;
  sqliteBusy?: number;
  firstFailure?: string | null;
};

/** N messages queued through the outbox and delivered by the server's runner to a local SMTP server. */
export type MailBenchResult =
  | { available: false; reason: string }
  | {
      available: true;
      queued: number;
      delivered: number;
      seconds: number;
      messagesPerSecond: number;
      /** From the queueing transaction's commit to the SMTP server's acceptance. */
      commitToAcceptMs: TimingSummary;
    };

/** The reader article page with the server's job runner working (JOB_RUNNER=on) and switched off, measured back to back. */
export type RunnerImpactResult =
  | { available: false; reason: string }
  | { available: true; case: string; runnerOn: LoadResult; runnerOff: LoadResult; onOverOff: number | null };

/** One staff page or search fetched sequentially, or why it was not. */
export type HttpTiming = (TimingSummary & { status: number; bytes: number }) | { skipped: string };

/** Wall-clock timing of an in-process query, with its own CPU time. */
export type DalTiming = TimingSummary & { cpu: TimingSummary };

export type DalResults = {
  error?: string;
  articles?: number;
  iterations?: number;
  loadAverage?: number[];
  dashboard?: Record<string, DalTiming>;
  editorDashboardAllQueues?: DalTiming;
  search?: Record<string, DalTiming>;
  searchOverall?: DalTiming;
  plans?: Record<string, string[]>;
};

/** One phase of the reminder tick's bench (scripts/bench/reminder-scan.ts). */
export type ReminderPhase = {
  ticks: number;
  rows: number;
  notifications: number;
  skipped: number;
  totalMs: number;
  totalCpuMs: number;
  perTick: DalTiming | null;
  rowsPerSecond: number | null;
};

export type ReminderScanResults = {
  error?: string;
  articles?: number;
  liveArticles?: number;
  assignments?: number;
  openAssignments?: number;
  waitingAssignments?: number;
  waitingArticles?: number;
  batch?: number;
  ticks?: number;
  backlog?: ReminderPhase;
  steady?: DalTiming;
  midnight?: ReminderPhase;
  loadAverage?: number[];
  plans?: Record<string, string[]>;
};

export type BenchResults = {
  generatedAt: string;
  seconds: number;
  machine: {
    cpuModel: string;
    cpus: number;
    threadsPerCore: string | null;
    memoryGiB: number;
    os: string;
    node: string;
    loadAverageAtStart: number[];
    note: string;
  };
  settings: { durationS: number; warmupS: number; connections: number; loadGenerator: string };
  database: { label: string; source: string; articles: number };
  cases: BenchCase[];
  ratios: {
    basis: string | null;
    articleOverA: number | null;
    articleOverB: number | null;
    perCase: Record<string, { overA: number | null; overB: number | null }>;
  };
  approval: ApprovalResult;
  staffHttp: Record<string, HttpTiming>;
  autosave: AutosaveResult;
  autosaveStress: AutosaveResult;
  serverMemoryMiB: { idle: number | null; afterLoad: number | null; peakDuringCases: number };
  dal: DalResults;
  mail: MailBenchResult;
  runnerImpact: RunnerImpactResult;
  /** Absent in results written before the reminder tick existed. */
  reminders?: ReminderScanResults;
};

export type LighthouseSummary = {
  url: string;
  fetchTime: string;
  lighthouseVersion: string;
  formFactor: string;
  throttling: string;
  categories: { performance: number; accessibility: number; "best-practices": number; seo: number };
  metrics: { lcpMs: number; tbtMs: number; cls: number; fcpMs: number };
  failedAudits: { id: string; score: number | null; title: string; items?: unknown }[];
  note: string;
};
