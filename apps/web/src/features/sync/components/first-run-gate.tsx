import { type ReactNode, useState } from 'react';
import { PageLoader } from '../../../app/guards';
import { firstRunStep, useFirstRun } from '../api/first-run-api';
import { FirstRunPage } from '../pages/first-run-page';
import { EnrolledNotice } from './enrolled-notice';

/**
 * A workstation has no users until it holds the organisation's data, so until then every route leads to its
 * setup. A hub, or a workstation that holds the data, shows the app as it is.
 */
export function FirstRunGate({ children }: { children: ReactNode }) {
  const { data: state, isPending } = useFirstRun();
  // Without an answer (the node does not answer) the app's own pages say what is wrong.
  const step = state ? firstRunStep(state) : 'ready';
  // Remembered so that the sign-in page that follows can say the workstation has just been set up.
  const [setUpHere, setSetUpHere] = useState(false);
  if (step !== 'ready' && !setUpHere) setSetUpHere(true);

  if (isPending) return <PageLoader />;
  if (step !== 'ready') return <FirstRunPage step={step} />;
  return (
    <>
      {children}
      {setUpHere ? <EnrolledNotice /> : null}
    </>
  );
}
