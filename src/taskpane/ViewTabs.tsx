import {
  Button,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  tokens,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from "@fluentui/react-components";
import type { TabName } from "./pane";
import { VIEWS } from "./views";

const useStyles = makeStyles({
  list: { minWidth: 0, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  tab: { paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS, flexShrink: 0 },
  more: { minWidth: "auto", flexShrink: 0, alignSelf: "center" },
});

/**
 * One tab per view. Tabs that do not fit the pane's width go into a "More views" menu;
 * the chosen one always stays in the bar.
 */
export function ViewTabs({ selected, onSelect }: { selected: TabName; onSelect: (view: TabName) => void }) {
  const styles = useStyles();
  return (
    <Overflow minimumVisible={1}>
      <TabList selectedValue={selected} onTabSelect={(_, data) => onSelect(data.value as TabName)} size="small" aria-label="Planster views" className={styles.list}>
        {VIEWS.map((view) => (
          <OverflowItem key={view.name} id={view.name} priority={view.name === selected ? 2 : 1}>
            <Tab value={view.name} className={styles.tab}>
              {view.label}
            </Tab>
          </OverflowItem>
        ))}
        <MoreViews onSelect={onSelect} className={styles.more} />
      </TabList>
    </Overflow>
  );
}

function MoreViews({ onSelect, className }: { onSelect: (view: TabName) => void; className: string }) {
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button ref={ref} appearance="transparent" size="small" className={className} aria-label={`More views (${overflowCount})`}>
          More ▾
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {VIEWS.map((view) => (
            <HiddenView key={view.name} name={view.name} label={view.label} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

function HiddenView({ name, label, onSelect }: { name: TabName; label: string; onSelect: (view: TabName) => void }) {
  if (useIsOverflowItemVisible(name)) return null;
  return <MenuItem onClick={() => onSelect(name)}>{label}</MenuItem>;
}
