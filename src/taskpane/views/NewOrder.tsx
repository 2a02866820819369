import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { lineTotal } from "../../core/money";
import { createFromWeekLine, weekLineDelivery } from "../../core/orders/create";
import { PO_TYPE } from "../../core/orders/order";
import { linkedSuppliers, orderableItem, supplierTerms } from "../../core/orders/rules";
import { orderQty, type ItemPlan } from "../../core/plan";
import { DATE_HINT, date, money, parseDate, price, qty } from "../format";
import { newOrderChange } from "../orders";
import { usePane } from "../pane";
import { DateInput } from "./DateInput";

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // Fluent's dropdowns are at least 250 px wide: in a 320 px pane the dialog's fields take its width instead.
  field: { minWidth: 0, width: "100%" },
});

/** Planster's steps 2–4: a purchase order for one week line's Order Qty. */
export function NewOrderDialog({ plan, week, onClose }: { plan: ItemPlan; week: number; onClose: () => void }) {
  const { state, host, write } = usePane();
  const styles = useStyles();
  const { model, input } = state;
  const { item } = plan;
  const suppliers = useMemo(() => linkedSuppliers(model, item.sku, item.warehouse), [model, item]);
  const [supplier, setSupplier] = useState<string | undefined>(suppliers[0]);
  const quantity = orderQty(plan, week);
  const terms = supplier === undefined ? "The SKU has no linked supplier, so it cannot be ordered." : supplierTerms(model, item.sku, item.warehouse, supplier);
  const currency = (supplier && model.suppliers.get(supplier)?.currency) || model.settings.currency;
  const arrival = typeof terms === "string" ? undefined : weekLineDelivery(model.settings, week, terms.leadDays, host.today());
  const [delivery, setDelivery] = useState<string | undefined>();
  const [refusal, setRefusal] = useState<string | undefined>();
  const blocked = orderableItem(model, item.sku, item.warehouse);
  // Why Create would be refused: the last refusal, else a status that cannot be ordered, said before trying.
  const why = refusal ?? (typeof blocked === "string" ? blocked : undefined);
  const deliveryText = delivery ?? date(arrival);
  const create = async () => {
    const expectedDelivery = deliveryText.trim() === "" ? undefined : parseDate(deliveryText);
    if (deliveryText.trim() !== "" && expectedDelivery === undefined) {
      await write({ ok: false, reason: `"${deliveryText}" is not a date. ${DATE_HINT}` }, "");
      return;
    }
    const result = createFromWeekLine({ model, input }, { sku: item.sku, warehouse: item.warehouse, week, supplier, expectedDelivery }, host.today());
    setRefusal(result.ok ? undefined : result.reason);
    const done = await write(
      newOrderChange(
        host,
        result,
        model.settings,
        (number) => `Purchase order ${number} for ${qty(quantity)} × ${item.sku} is in the Purchase Orders sheet; week ${week}'s recommendation is now inbound supply.`,
      ),
      "",
      "Order created",
    );
    if (done) onClose();
  };
  const name = (code: string) => `${model.suppliers.get(code)?.name || code} (${code})${code === item.supplier ? ", preferred" : ""}`;
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>
            New order: {item.sku} at {item.warehouse}, week {week}
          </DialogTitle>
          <DialogContent className={styles.content}>
            {why && (
              <MessageBar intent="error" role="alert">
                <MessageBarBody>{why}</MessageBarBody>
              </MessageBar>
            )}
            <Field label="Type">
              <Dropdown value={PO_TYPE} selectedOptions={[PO_TYPE]} className={styles.field}>
                <Option value={PO_TYPE}>{PO_TYPE}</Option>
              </Dropdown>
            </Field>
            <Field label="Supplier">
              <Dropdown
                value={supplier ? name(supplier) : ""}
                selectedOptions={supplier ? [supplier] : []}
                onOptionSelect={(_, d) => d.optionValue && setSupplier(d.optionValue)}
                placeholder="No linked supplier"
                className={styles.field}
              >
                {suppliers.map((code) => (
                  <Option key={code} value={code} text={name(code)}>
                    {name(code)}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Field label="Quantity" hint="The week line's Order Qty: change it on the week line.">
              <Input readOnly value={qty(quantity)} />
            </Field>
            {typeof terms === "string" ? (
              <MessageBar intent="warning">
                <MessageBarBody>{terms}</MessageBarBody>
              </MessageBar>
            ) : (
              <>
                <Field label="Unit price">
                  <Input readOnly value={price(terms.unitPrice, currency)} />
                </Field>
                <Field label="Total">
                  <Input readOnly value={money(lineTotal(quantity, terms.unitPrice), currency)} />
                </Field>
              </>
            )}
            <Field label="Expected delivery" hint="The start of the arrival week unless you change it.">
              <DateInput value={deliveryText} onChange={(_, d) => setDelivery(d.value)} />
            </Field>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => void create()}>
              Create
            </Button>
            <Button onClick={onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
