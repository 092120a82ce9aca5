"use client";

import { useMemo, useState } from "react";
import { ApiRequestError } from "@/lib/http/fetch-json";
import { focusImage } from "@/components/viewer/focus-image";
import { StudyViewer } from "@/components/viewer/study-viewer";
import { useToast } from "@/components/ui/toast";
import { VINDR_FINDINGS } from "@/lib/inference/vocabulary";
import { viewItems, visibleItems } from "@/lib/review-ui/review-items";
import { signOffCounts } from "@/lib/review-ui/sign-off-counts";
import type { LocalOperation } from "@/lib/review-ui/save-queue";
import type { Impression, ReviewPurpose } from "@/lib/schemas/review";
import { DisplayFilters } from "./display-filters";
import { NewBoxPicker } from "./new-box-picker";
import { BrowserInferencePanel } from "./browser-inference-panel";
import { ReviewBanner, SaveStatusBadge } from "./review-status";
import { ReviewPanel } from "./review-panel";
import { PacsPushStatus } from "./pacs-push-status";
import { PurposeChip, TaskFooter } from "./review-mode";
import { SignOffDialog } from "./sign-off-dialog";
import { CompleteTaskDialog } from "./complete-task-dialog";
import { ReaderDecisionsList } from "./reader-decisions-list";
import { ReviewHistoryPanel } from "./review-history-panel";
import { useReaderDecisions } from "./use-reader-decisions";
import { taskSummary } from "@/lib/review-ui/task-summary";
import { aiStatus } from "@/lib/review-ui/ai-status";
import { useStudy } from "@/components/viewer/use-study";
import { AiStatusNote } from "./ai-status-note";
import { useStudyEvents } from "./use-study-events";
import { PriorComparison } from "./prior-comparison";
import { PriorsList } from "./priors-list";
import { AmendRead } from "./amend-read";
import { useCompleteTask, useOpenTaskId } from "./use-complete-task";
import { useStudyReview } from "./use-review";
import { useBrowserInference } from "./use-browser-inference";
import { useDisplayFilters } from "./use-display-filters";
import { useReviewSave } from "./use-review-save";
import { useSignOff } from "./use-sign-off";
import { useWorkspaceKeys } from "./use-workspace-keys";
import { downloadFile } from "./download-file";
import { stepConfidence } from "@/lib/review-ui/display-thresholds";
import { WorkspaceOverlay } from "./workspace-overlay";
import { useBoxEditing } from "./use-box-editing";
import { StudyNotFound } from "./study-not-found";

/**
 * The reading view with the AI overlay, per-box verdicts (autosaved) and sign-off. The same view serves every purpose:
 * annotation (class editing first, "Complete task" instead of sign-off), an independent double read, and the consensus
 * an admin confirms (fused reader boxes only, no AI suggestions).
 */
export function ReviewWorkspace({
  studyId,
  worklistQuery,
  purpose,
  taskId: taskFromUrl,
}: {
  studyId: string;
  worklistQuery: string;
  purpose?: ReviewPurpose;
  taskId?: string;
}) {
  const events = useStudyEvents(studyId);
  const query = useStudyReview(studyId, purpose, events.live);
  const studyName = useStudy(studyId).data?.study.displayName ?? null;
  const openTaskId = useOpenTaskId(studyId, !taskFromUrl && query.data?.purpose === "annotation");
  const taskId = taskFromUrl ?? openTaskId;
  const [confirming, setConfirming] = useState(false);
  const [focusRequest, setFocusRequest] = useState<{ key: string; field: "reason" | "class"; n: number } | null>(null);
  const toast = useToast();
  const boxes = useBoxEditing();
  const save = useReviewSave(studyId, boxes.onTempResolved, purpose);
  const signOff = useSignOff(studyId, save, purpose);
  const task = useCompleteTask(studyId, taskId, save, purpose);
  const browser = useBrowserInference();
  const [browserShown, setBrowserShown] = useState(true);
  const [completing, setCompleting] = useState(false); // the "Complete task" summary is open
  const [decisionsShown, setDecisionsShown] = useState(true);
  const [comparing, setComparing] = useState<string | null>(null); // a prior shown side by side instead of the single viewer

  const raw = query.data;
  const state = useMemo(() => (raw?.purpose === "consensus" ? { ...raw, findings: [] } : raw), [raw]);
  const mode: ReviewPurpose = state?.purpose ?? purpose ?? "primary";
  const signable = mode !== "annotation";
  const all = useMemo(() => (state ? viewItems(state, save.pending) : []), [state, save.pending]);
  const display = useDisplayFilters(state);
  const filter = { thresholds: display.thresholds, hiddenClasses: display.hidden, instanceId: null };
  const shown = visibleItems(all, filter);
  const classes = [...new Set(all.filter((i) => !i.deleted).map((i) => i.className))].sort();
  const aiClasses = new Set(all.flatMap((i) => (i.ai ? [i.ai.className] : []))); // those get a threshold control
  const classOptions = [...new Set([...VINDR_FINDINGS, ...(state?.findings.map((f) => f.className) ?? [])])];
  const signedOff = state?.studyStatus === "signed_off" || state?.review?.status === "signed_off";
  const srHref = signedOff && state?.purpose !== "annotation" ? `/api/v1/studies/${encodeURIComponent(studyId)}/sr` : null;
  const locked = state?.review ? state.review.status !== "in_progress" : false;
  const readOnly = !state || locked || save.status === "conflict" || !!state.amendable; // a signed-off primary read changes only by amending
  const impression = save.pendingImpression !== undefined ? save.pendingImpression : (state?.review?.impression ?? null);
  const push = (op: LocalOperation) => !readOnly && save.push(op);
  const multiFrame = state?.instances.some((i) => i.frames > 1) ?? false;
  const { actions, editBox, confirmDraft } = boxes.bind({ all, instanceIds: state?.instances.map((i) => i.id) ?? [], multiFrame, push });
  const { selected, hovered, editing, adding, draft } = boxes;
  const current = shown.find((i) => i.key === selected) ?? null;
  const numbers = new Map(shown.map((it, n) => [it.key, n + 1])); // the tag on the image = the row number in the list
  const decisions = useReaderDecisions(studyId, mode === "annotation");

  const completeTask = (acceptUndecided: boolean) => {
    if (acceptUndecided) for (const it of taskSummary(all, shown).undecided) actions.onAccept(it);
    void task.complete().then((ok) => ok && setCompleting(false));
  };

  const setImpression = (i: Impression) => !readOnly && save.pushImpression(i);

  const runInBrowser = () =>
    state?.modelVersion &&
    void browser.start(
      state.modelVersion.id,
      state.instances.map((i) => i.id),
    );
  const ask = (key: string, field: "reason" | "class") => setFocusRequest((r) => ({ key, field, n: (r?.n ?? 0) + 1 }));
  useWorkspaceKeys(
    completing,
    shown,
    {
      selected: current,
      hasSelection: !!selected,
      drafting: !!draft || adding || editing,
      readOnly,
      signable,
      canCompleteTask: !!taskId,
      canDownloadSr: !!srHref,
      canRunInBrowser: !!state?.modelVersion && browser.run.status !== "running",
    },
    {
      select: (key) => (actions.onSelect(key), boxes.setEditing(false)),
      cancel: boxes.cancel,
      accept: (it) => actions.onAccept(it),
      reject: (it) => actions.onReject(it),
      askReason: (it) => (it.status !== "rejected" && actions.onReject(it), ask(it.key, "reason")),
      classify: (it) => (boxes.setEditing(true), ask(it.key, "class")),
      toggleEdit: () => boxes.setEditing((e) => !e),
      remove: (it) => actions.onDelete(it),
      toggleAdd: boxes.toggleAdd,
      impression: setImpression,
      signOff: () => setConfirming(true),
      completeTask: () => setCompleting(true),
      downloadSr: () => srHref && downloadFile(srHref),
      runInBrowser,
      threshold: (step) => display.setGlobal(stepConfidence(display.thresholds.confidence, step)),
    },
  );

  const counts = signOffCounts(all);

  if (query.error instanceof ApiRequestError && query.error.status === 404)
    return <StudyNotFound message={query.error.message} worklistQuery={worklistQuery} />;
  const banner = (
    <>
      <ReviewBanner
        status={save.status}
        error={save.error}
        signedOff={state?.review?.status === "signed_off"}
        completed={state?.review?.status === "completed"}
        onReload={save.reload}
      />
      {state?.amendable && <AmendRead studyId={studyId} purpose={purpose} amendable={state.amendable} />}
    </>
  );
  const panel = (
    <ReviewPanel
      modelName={state?.modelVersion ? `${state.modelVersion.name} ${state.modelVersion.version}` : null}
      items={shown}
      filters={
        <>
          {mode !== "consensus" && (
            <AiStatusNote
              studyName={studyName}
              live={events.live}
              status={aiStatus({ studyStatus: state?.studyStatus, hasModel: !!state?.modelVersion, all, shown })}
            />
          )}
          <DisplayFilters f={display} classes={[...new Set([...classes, ...aiClasses])].sort()} aiClasses={aiClasses} />
        </>
      }
      selectedKey={selected}
      hoveredKey={hovered}
      editing={editing}
      readOnly={readOnly}
      classOptions={classOptions}
      adding={adding}
      onToggleAdd={boxes.toggleAdd}
      impression={impression}
      onImpression={setImpression}
      onSignOff={() => setConfirming(true)}
      canSignOff={!readOnly}
      srHref={srHref}
      results={srHref ? <PacsPushStatus studyId={studyId} /> : null}
      showSignOff={signable}
      classFirst={mode === "annotation"}
      showFrames={multiFrame}
      focusRequest={focusRequest}
      {...actions}
      footer={
        mode === "annotation" && taskId ? (
          <TaskFooter
            busy={task.busy}
            error={task.error}
            done={state?.review?.status === "completed"}
            disabled={readOnly}
            onComplete={() => setCompleting(true)}
          />
        ) : null
      }
    >
      <PurposeChip purpose={mode} />
      <SaveStatusBadge status={save.status} version={state?.review?.version ?? 0} />
      <BrowserInferencePanel
        run={browser.run}
        canRun={!!state?.modelVersion}
        shown={browserShown}
        onToggle={() => setBrowserShown((v) => !v)}
        onRun={runInBrowser}
      />
      {draft && <NewBoxPicker classOptions={classOptions} onConfirm={confirmDraft} onCancel={boxes.discardDraft} />}
      {mode === "annotation" && (
        <ReaderDecisionsList data={decisions.data} shown={decisionsShown} onToggle={() => setDecisionsShown((v) => !v)} />
      )}
      {mode !== "annotation" && <PriorsList studyId={studyId} comparing={comparing} onCompare={setComparing} />}
      <ReviewHistoryPanel review={state?.review ?? null} selectedKey={selected} />
    </ReviewPanel>
  );
  return (
    <div data-testid="review-workspace" data-review-id={state?.review?.id} data-purpose={state?.purpose}>
      {comparing ? (
        <div className="flex h-full gap-2">
          <div className="min-w-0 flex-1">
            {banner}
            <PriorComparison studyId={studyId} priorId={comparing} items={shown} onClose={() => setComparing(null)} />
          </div>
          {panel}
        </div>
      ) : (
        <StudyViewer
          studyId={studyId}
          worklistQuery={worklistQuery}
          reveal={boxes.reveal}
          banner={banner}
          panel={panel}
          overlay={(api) => (
            <WorkspaceOverlay
              api={api}
              all={all}
              filter={filter}
              numbers={numbers}
              selectedKey={selected}
              hoveredKey={hovered}
              editing={editing && !readOnly}
              adding={adding && !readOnly && !draft}
              draft={draft}
              onSelect={actions.onSelect}
              onHover={boxes.setHovered}
              onEditBox={editBox}
              onDrawn={boxes.drawn}
              decisions={decisions.data}
              decisionsShown={mode === "annotation" && decisionsShown}
              browserRun={browser.run}
              browserShown={browserShown}
            />
          )}
        />
      )}
      {completing && (
        <CompleteTaskDialog
          summary={taskSummary(all, shown)}
          busy={task.busy}
          error={task.error}
          onComplete={completeTask}
          onCancel={() => setCompleting(false)}
        />
      )}
      <SignOffDialog
        open={confirming}
        impression={impression}
        counts={counts}
        busy={signOff.busy}
        error={signOff.error}
        onImpression={setImpression}
        onCancel={() => {
          setConfirming(false);
          signOff.clearError();
        }}
        onConfirm={() =>
          impression &&
          void signOff.signOff(impression).then((ok) => {
            if (!ok) return;
            setConfirming(false);
            toast("Signed off — press J or → for the next study.");
            focusImage();
          })
        }
      />
    </div>
  );
}
