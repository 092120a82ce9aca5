// Importing this module registers every job handler; job workers import it before claiming work.
import "@/lib/predictions/predict-study-job";
import "@/lib/drift/drift-job";
import "@/lib/evaluation/evaluation-job";
import "@/lib/performance/canary-job";
