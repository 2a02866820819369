import { Button, makeStyles, mergeClasses, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from "@fluentui/react-components";
import { setupSheets } from "../../core/setup";
import { settingsShown } from "../../core/settings";
import type { WorkbookHost } from "../host";
import { type Change, usePane } from "../pane";
import { date } from "../format";
import { useShared } from "../styles";
import { IntegrationSettings } from "./IntegrationSettings";

const useStyles = makeStyles({ name: { width: "45%" } });

export function Settings() {
  const { state, host, write } = usePane();
  const shared = useShared();
  const styles = useStyles();
  const rows = settingsShown(state.model.settings, date);
  return (
    <section aria-labelledby="settings-title" className={shared.stack}>
      <Text as="h2" id="settings-title" weight="semibold" size={400} block>
        Settings of this workbook
      </Text>
      <Text size={200} block>
        Change them on the Settings sheet; blank values take the defaults.
      </Text>
      <Table size="small" aria-label="Settings in effect" className={shared.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={mergeClasses(shared.cell, styles.name)}>Setting</TableHeaderCell>
            <TableHeaderCell className={shared.cell}>Value</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map(([name, value]) => (
            <TableRow key={name}>
              <TableCell className={shared.cell}>{name}</TableCell>
              <TableCell className={shared.cell}>{value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <IntegrationSettings workbookUrl={state.model.settings.integrationUrl} />
      <Text as="h3" weight="semibold" block className={shared.subheading}>
        Workbook
      </Text>
      <SetupButton host={host} write={write} />
    </section>
  );
}

/** Adds every missing Planster sheet as a table with headers, formats and dropdowns; sheets already there are left alone. */
export function SetupButton({ host, write }: { host: WorkbookHost; write: (change: Change, done: string) => Promise<unknown> }) {
  const create = async () => {
    const setup = setupSheets(await host.read());
    await write(setup, setup.ok ? setup.told : "");
  };
  return (
    <div>
      <Button onClick={() => void create()}>Create Planster sheets</Button>
    </div>
  );
}
