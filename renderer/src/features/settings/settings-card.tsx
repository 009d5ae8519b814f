import { Fragment, useState, type ReactNode } from 'react';
import { Card, Divider, Typography } from 'antd';
import type { Settings } from '../../../../shared/master/schema';

/**
 * A settings card whose form starts again from what was saved: after each save the form (`form`) is drawn
 * anew from the saved settings, so nothing is left dirty.
 */
export function SettingsFormCard({
  title,
  id,
  testId,
  settings,
  onSaved,
  form,
}: {
  title: string;
  id: string;
  testId: string;
  settings: Settings;
  onSaved: (s: Settings) => void;
  form: (settings: Settings, onSaved: (s: Settings) => void) => ReactNode;
}) {
  const [base, setBase] = useState(settings);
  const [version, setVersion] = useState(0);
  return (
    <Card title={title} id={id} style={{ marginTop: 16, scrollMarginTop: 72 }} data-testid={testId}>
      <Fragment key={version}>
        {form(base, (s) => {
          setBase(s);
          setVersion((v) => v + 1);
          onSaved(s);
        })}
      </Fragment>
    </Card>
  );
}

/** A section's heading inside a settings form: its title on a divider, and a hint under it. */
export function SettingsHeading({ title, hint }: { title: ReactNode; hint?: ReactNode }) {
  return (
    <>
      <Divider titlePlacement="start" style={{ margin: '8px 0 4px' }}>
        {title}
      </Divider>
      {hint ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {hint}
        </Typography.Paragraph>
      ) : null}
    </>
  );
}
