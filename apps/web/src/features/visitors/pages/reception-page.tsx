import { Anchor, Group, Stack, Switch, Tabs } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageLoader } from '../../../app/guards';
import { PageHeader } from '../../../app/page-header';
import { ProblemAlert } from '../../../app/problem-alert';
import { useNow } from '../../sync/components/sync-indicator';
import type { VisitorEntry } from '../api/types';
import { useCards, useEntries, useVisitorsLive } from '../api/visitors-api';
import { ActiveList } from '../components/active-list';
import { PastVisits } from '../components/past-visits';
import { ScannerPanel } from '../components/scanner-panel';
import { playArrivalCue, prepareSound } from '../components/sound-cue';
import { useCardWords } from '../components/use-card-words';
import { WaitingList } from '../components/waiting-list';
import '../visitors.css';

/** How long a guest who just arrived stays highlighted. */
const FRESH_MS = 10_000;
const SOUND_STORAGE = 'kontor.visitors.sound';
/** "Waiting 3 minutes" moves on without a fetch. */
const CLOCK_TICK_MS = 15_000;

function readSoundSetting() {
  try {
    return localStorage.getItem(SOUND_STORAGE) === 'on';
  } catch {
    return false;
  }
}

/**
 * Guests that appear in the waiting list after it was first shown: highlighted for a while, and announced once.
 * Comparing lists (not reading events) also catches guests fetched after a reconnect.
 */
function useArrivals(entries: VisitorEntry[] | undefined, onArrival: () => void) {
  const known = useRef<Set<string> | null>(null);
  const onArrivalRef = useRef(onArrival);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  const [fresh, setFresh] = useState<ReadonlySet<string>>(() => new Set());
  useEffect(() => {
    onArrivalRef.current = onArrival;
  });
  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending) clearTimeout(timer);
    };
  }, []);
  useEffect(() => {
    if (!entries) return;
    if (known.current === null) {
      known.current = new Set(entries.map((entry) => entry.id));
      return;
    }
    const seen = known.current;
    const arrived = entries.map((entry) => entry.id).filter((id) => !seen.has(id));
    if (arrived.length === 0) return;
    for (const id of arrived) seen.add(id);
    setFresh((previous) => new Set([...previous, ...arrived]));
    onArrivalRef.current();
    const timer = setTimeout(() => {
      timers.current.delete(timer);
      setFresh((previous) => new Set([...previous].filter((id) => !arrived.includes(id))));
    }, FRESH_MS);
    timers.current.add(timer);
  }, [entries]);
  return fresh;
}

export function ReceptionPage() {
  const { t } = useTranslation();
  const [sound, setSound] = useState(readSoundSetting);
  const live = useVisitorsLive();
  const now = useNow(CLOCK_TICK_MS);
  const cards = useCardWords();
  const waiting = useEntries('waiting');
  const active = useEntries('active');
  const free = useCards(true);
  // The oldest first: the scanner gives a free card to the guest who has waited longest.
  const waitingList = [...(waiting.data?.entries ?? [])].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  const fresh = useArrivals(waiting.data?.entries, () => {
    if (sound) playArrivalCue();
  });

  // Browsers start audio only after a gesture: with the sound on from an earlier visit, the first touch or key
  // on the page arms it.
  useEffect(() => {
    if (!sound) return;
    const arm = () => prepareSound();
    window.addEventListener('pointerdown', arm, { once: true });
    window.addEventListener('keydown', arm, { once: true });
    return () => {
      window.removeEventListener('pointerdown', arm);
      window.removeEventListener('keydown', arm);
    };
  }, [sound]);

  const toggleSound = (on: boolean) => {
    setSound(on);
    if (on) prepareSound();
    try {
      localStorage.setItem(SOUND_STORAGE, on ? 'on' : 'off');
    } catch {
      // Remembered for this page only.
    }
  };

  return (
    <>
      <PageHeader title={t('visitors.reception.title')} live={live} />
      <Group justify="space-between" mb="sm" gap="sm" wrap="wrap">
        <Switch
          label={t('visitors.reception.sound')}
          checked={sound}
          onChange={(event) => toggleSound(event.currentTarget.checked)}
          data-testid="sound-toggle"
        />
        <Anchor component={Link} to="/visitors/evacuation" fw={600} c="red" data-testid="evacuation-link">
          {t('visitors.evacuation.open')}
        </Anchor>
      </Group>
      <Tabs defaultValue="now" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="now" data-testid="reception-tab-now">
            {t('visitors.reception.tabNow')}
          </Tabs.Tab>
          <Tabs.Tab value="past" data-testid="reception-tab-past">
            {t('visitors.past.title')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="now">
          <Stack gap="md">
            <ScannerPanel cards={cards} />
            {waiting.error || active.error || free.error ? (
              <ProblemAlert error={waiting.error ?? active.error ?? free.error} />
            ) : null}
            {waiting.isPending || active.isPending || free.isPending ? (
              <PageLoader />
            ) : (
              <Stack gap="xl">
                <WaitingList entries={waitingList} freeCards={free.data ?? []} cards={cards} fresh={fresh} now={now} />
                <ActiveList entries={active.data?.entries ?? []} cards={cards} />
              </Stack>
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="past">
          <PastVisits cards={cards} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
