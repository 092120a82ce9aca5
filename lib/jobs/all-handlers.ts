// Importing this module registers every job handler; job workers import it before claiming work.
import "@/lib/predictions/predict-study-job";
import "@/lib/drift/drift-job";
import "@/lib/exports/export-job";
import "@/lib/training/training-job";
import "@/lib/assignments/auto-assign-job";
import "@/lib/evaluation/evaluation-job";
import "@/lib/performance/canary-job";
import "@/lib/pacs/pull-job";
import "@/lib/pacs/poll-job";
import "@/lib/pacs/push/push-job";
import "@/lib/models/optimize-job";
