import { Alert, Button, Card, Grid, Group, Stack, TagsInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Channel, MembershipSummary, Post, PostTemplate } from '@nahbar/common';
import { IconHistory, IconInfoCircle } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { errorMessage } from '../../components/server-errors.ts';
import { useFormatters } from '../../components/use-formatters.ts';
import { channelKeys } from '../channels/channels-api.ts';
import { localeFor } from '../people/privacy-reason-text.ts';
import { hasWrittenText, withTemplate } from './apply-template.ts';
import { ChannelPicker } from './channel-picker.tsx';
import { checkComposer } from './composer-checks.ts';
import { type ComposerDraft, draftFromPost, emptyDraft, savable, toCreateInput } from './composer-draft.ts';
import { ComposerPrivacyPanel } from './composer-privacy-panel.tsx';
import { initialWhen, nextFullHour, toWhen } from './composer-when.ts';
import { blockedSendLines } from './consent-reason-text.ts';
import { MediaSection } from './media-section.tsx';
import { postKeys, postsApi } from './posts-api.ts';
import { PostPreviews } from './previews/post-previews.tsx';
import { ReplaceTextModal } from './replace-text-modal.tsx';
import { ReviewArea } from './review-area.tsx';
import { ReviewPlanNote } from './review-plan-note.tsx';
import { selectedPassage } from './review-selection.ts';
import { SaveStatusLine } from './save-status-line.tsx';
import { SaveTemplateButton } from './save-template-button.tsx';
import { TemplateMenu } from './template-menu.tsx';
import { TextTabs } from './text-tabs.tsx';
import { useAutosave } from './use-autosave.ts';
import { useReviewPlan } from './use-review-plan.ts';
import { type ComposerErrors, validateComposer } from './validate-composer.ts';
import { VersionHistoryDrawer } from './version-history-drawer.tsx';
import { type WhenMode, WhenPicker, type WhenValue } from './when-picker.tsx';

type Props = {
  org: MembershipSummary;
  /** The channels one can choose (an edited post's own channels are always among them). */
  channels: Channel[];
  can: { publish: boolean; managePlan: boolean };
  /** Editing an existing post; without it the composer writes a new one and starts over after each send. */
  post?: Post;
  /** Channels whose target is at the network already: they stay, whatever the checkboxes say. */
  lockedChannelIds?: string[];
  readOnly?: boolean;
};

/** One composer for new posts and for editing: base text, channel versions, media, tags, when. */
export function Composer({ org, channels, can, post, lockedChannelIds = [], readOnly = false }: Props) {
  const { t, i18n } = useTranslation('posts');
  const { formatDateTime } = useFormatters();
  const queryClient = useQueryClient();
  // Contributors submit every post for approval, with the plan to carry out once it is approved.
  const modes: WhenMode[] = can.publish ? ['now', 'at', 'queue', 'draft'] : ['draft', 'now', 'at', 'queue'];
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<ComposerDraft>(() => (post ? draftFromPost(post, org.timeZone) : emptyDraft()));
  const [when, setWhen] = useState<WhenValue>(() => initialWhen(post, org.timeZone, modes));
  const [errors, setErrors] = useState<ComposerErrors | null>(null);
  const [sendError, setSendError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [replacing, setReplacing] = useState<PostTemplate | null>(null);
  const chosen = channels.filter((c) => draft.channelIds.includes(c.id));
  const checkMode = when.mode === 'draft' ? 'draft' : 'schedule';
  const issues = useMemo(() => checkComposer(draft, chosen, checkMode), [draft, chosen, checkMode]);
  const tags = useQuery({ queryKey: postKeys.tags(org.id), queryFn: () => postsApi.tags(org.id) });

  const remember = (saved: Post) => {
    queryClient.setQueryData(postKeys.detail(org.id, saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: postKeys.all(org.id) });
  };
  const autosave = useAutosave({
    orgId: org.id,
    timeZone: org.timeZone,
    language: org.language,
    draft,
    initial: { postId: post?.id ?? null, version: post?.version ?? null },
    enabled: !readOnly && !sending,
    onSaved: remember,
  });
  const plan = useReviewPlan({
    orgId: org.id,
    postId: autosave.saved.current.postId,
    version: autosave.saved.current.version,
    canPublish: can.publish,
  });
  const change = (next: Partial<ComposerDraft>) => {
    setDraft((old) => ({ ...old, ...next }));
    setErrors(null);
  };

  const load = (loaded: Post) => {
    const next = draftFromPost(loaded, org.timeZone);
    setDraft(next);
    autosave.reset({ postId: loaded.id, version: loaded.version }, next);
    remember(loaded);
  };
  const reload = async () => {
    const id = autosave.saved.current.postId;
    if (id) load(await postsApi.get(org.id, id));
  };

  const applyTemplate = (template: PostTemplate) => {
    change(withTemplate(draft, template, channels, lockedChannelIds));
    notifications.show({ color: 'petrol', message: t('templates.applied', { name: template.name }) });
  };
  // Written words are not overwritten unasked; what is pending is saved first, so it stays in the history.
  const pickTemplate = (template: PostTemplate) =>
    hasWrittenText(draft) ? setReplacing(template) : applyTemplate(template);
  const replaceWithTemplate = async (template: PostTemplate) => {
    await autosave.flush();
    autosave.checkpoint();
    applyTemplate(template);
  };

  /**
   * Restoring builds on the saved version: edits not yet autosaved are saved first, in the same
   * queue, so no autosave slips in between. If they cannot be saved, nothing is restored.
   */
  const restoreVersion = (version: number) =>
    autosave.run(async (ref) => {
      try {
        await autosave.saveNow(ref);
      } catch (error) {
        throw new Error(t('history.notSaved', { message: errorMessage(error) }));
      }
      const { postId: id, version: base } = autosave.saved.current;
      // Without a channel a draft cannot be saved: restoring now would lose what was written.
      if (!id || autosave.hasPending()) throw new Error(t('history.noChannel'));
      return postsApi.restore(org.id, id, version, base ?? 1);
    });

  const send = async () => {
    const found = validateComposer({ draft, issues, when, timeZone: org.timeZone, t });
    setErrors(found);
    setSendError(null);
    if (found) return;
    const target = toWhen(when, org.timeZone);
    const sent = draft;
    const submitting = plan.action === 'submit';
    setSending(true);
    try {
      const result = await autosave.run(async (ref) => {
        if (submitting) {
          // Saved first, so the reviewers decide on exactly what is on screen.
          await autosave.saveNow(ref);
          const id = autosave.saved.current.postId;
          if (!id) throw new Error(t('history.noChannel'));
          await plan.submit(id, target);
          return postsApi.get(org.id, id);
        }
        if (!ref.postId) return postsApi.create(org.id, toCreateInput(sent, target, org.language, org.timeZone));
        await autosave.saveNow(ref);
        const id = autosave.saved.current.postId ?? ref.postId;
        return postsApi.schedulePost(org.id, id, target);
      });
      remember(result);
      void queryClient.invalidateQueries({ queryKey: channelKeys.list(org.id) });
      const at = target.mode === 'at' ? formatDateTime(target.at, org.timeZone) : '';
      const message = submitting ? t('review.submit.done') : t(`composer.created.${target.mode}`, { when: at });
      notifications.show({ color: 'green', message });
      if (post) {
        autosave.adopt(result);
        autosave.markSent(sent);
      } else {
        setDraft(emptyDraft());
        setWhen({ mode: modes[0] ?? 'draft', ...nextFullHour(org.timeZone) });
        autosave.reset({ postId: null, version: null }, null);
      }
    } catch (error) {
      plan.onSendError(error);
      setSendError(error);
    } finally {
      setSending(false);
    }
  };

  const postId = autosave.saved.current.postId;
  const conflict = autosave.status.kind === 'conflict';
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="composer-title">
      <form
        ref={formRef}
        noValidate
        onSubmit={(event) => {
          // Dialogs (media library, "Als Vorlage speichern") render in portals, but React still
          // bubbles their submit events here: only this form's own submit sends the post.
          if (event.target !== event.currentTarget) return;
          event.preventDefault();
          void send();
        }}
      >
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Stack>
              <Group justify="space-between" align="center" wrap="wrap" gap="xs">
                <Title order={2} size="h3" id="composer-title">
                  {post ? t('composer.editTitle') : t('composer.title')}
                </Title>
                <Group gap="xs">
                  {!readOnly && <TemplateMenu orgId={org.id} onPick={pickTemplate} />}
                  {postId && (
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      leftSection={<IconHistory size={16} aria-hidden />}
                      onClick={() => setHistoryOpen(true)}
                    >
                      {t('history.open')}
                    </Button>
                  )}
                </Group>
              </Group>
              {!readOnly && (
                <SaveStatusLine
                  status={autosave.status}
                  onReload={() => void reload()}
                  started={postId !== null}
                  timeZone={org.timeZone}
                />
              )}
              <ChannelPicker
                channels={channels}
                selected={draft.channelIds}
                locked={lockedChannelIds}
                readOnly={readOnly}
                onSelectedChange={(ids) => change({ channelIds: [...new Set([...ids, ...lockedChannelIds])] })}
                error={errors?.channels}
              />
              <TextTabs
                draft={draft}
                onChange={change}
                chosen={chosen}
                issues={issues}
                textError={errors?.text}
                readOnly={readOnly}
              />
              <MediaSection
                orgId={org.id}
                media={draft.media}
                onChange={(media) => change({ media })}
                chosen={chosen}
                issues={issues}
                altErrors={errors?.alt ?? {}}
                readOnly={readOnly}
              />
              <TagsInput
                label={t('composer.tags')}
                description={t('composer.tagsHint')}
                data={tags.data?.map((tag) => tag.tag) ?? []}
                value={draft.tags}
                onChange={(value) =>
                  change({
                    tags: value
                      .map((v) => v.trim())
                      .filter(Boolean)
                      .slice(0, 10),
                  })
                }
                maxTags={10}
                readOnly={readOnly}
                clearable={!readOnly}
              />
              {!readOnly && !can.publish && (
                <Alert color="petrol" variant="light" icon={<IconInfoCircle aria-hidden />}>
                  {t('composer.contributorHint')}
                </Alert>
              )}
              {!readOnly && <ReviewPlanNote plan={plan} />}
              {!readOnly && (
                <WhenPicker
                  forReview={plan.action === 'submit'}
                  value={when}
                  onChange={setWhen}
                  modes={modes}
                  timeZone={org.timeZone}
                  planned={draft.planned}
                  onPlannedChange={(planned) => change({ planned })}
                  error={errors?.when}
                />
              )}
              {errors?.checks && (
                <Alert color="red" variant="light" role="alert">
                  {errors.checks}
                </Alert>
              )}
              <FormAlert
                message={
                  sendError
                    ? sendMessage(sendError, (e) => blockedSendLines(t, e, channels, localeFor(i18n.language)))
                    : null
                }
              />
              {!readOnly && (
                <Group gap="sm">
                  <Button type="submit" loading={sending} disabled={conflict}>
                    {plan.action === 'submit' ? t('review.submit.button') : t(`composer.submit.${when.mode}`)}
                  </Button>
                  {can.managePlan && <SaveTemplateButton orgId={org.id} draft={draft} />}
                </Group>
              )}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Stack>
              <ComposerPrivacyPanel
                org={org}
                draft={draft}
                chosen={chosen}
                when={when}
                postId={postId}
                readOnly={readOnly}
              />
              <PostPreviews org={org} draft={draft} chosen={chosen} />
            </Stack>
          </Grid.Col>
        </Grid>
      </form>
      {postId && autosave.saved.current.version !== null && (
        <ReviewArea
          org={org}
          postId={postId}
          version={autosave.saved.current.version}
          plan={plan}
          channels={chosen}
          takeSelection={() => selectedPassage(formRef.current, draft.channelIds)}
          onReloadPost={reload}
        />
      )}
      {postId && (
        <VersionHistoryDrawer
          orgId={org.id}
          postId={postId}
          timeZone={org.timeZone}
          opened={historyOpen}
          onClose={() => setHistoryOpen(false)}
          restore={restoreVersion}
          canRestore={!readOnly}
          onRestored={(restored) => {
            load(restored);
            setHistoryOpen(false);
          }}
        />
      )}
      <ReplaceTextModal
        template={replacing}
        saved={savable(draft) || !autosave.hasPending()}
        onConfirm={replaceWithTemplate}
        onClose={() => setReplacing(null)}
      />
    </Card>
  );
}

/**
 * The server's reasons in full: "Warteschlange" without posting slots and refused checks name the
 * channel in their details, which the general message does not. A refusal by the consent gate
 * or the PII check is spelled out reason by reason (`blocked`).
 */
function sendMessage(error: unknown, blocked: (error: ApiError) => string[] | null): string {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return errorMessage(error);
  const lines = blocked(error);
  if (lines) return [error.message, ...lines].join(' ');
  const reasons = error.details
    .map((d: unknown) => (typeof d === 'object' && d !== null && 'message' in d ? String(d.message) : null))
    .filter((m): m is string => Boolean(m));
  return [error.message, ...new Set(reasons)].join(' ');
}
