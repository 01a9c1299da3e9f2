"use client";
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldError } from "@/components/ui/field-error";
import { inputClasses } from "@/components/ui/input-classes";
import { Notice } from "@/components/ui/notice";
import { useSaveBudget } from "@/lib/client/usage";
import { formatCost } from "@/lib/chat/usage-cost";
import { budgetInputSchema, type BudgetInput, type BudgetState } from "@/lib/usage/usage-types";

type Field = "dailyUsd" | "monthlyUsd";
const FIELDS: { key: Field; label: string; period: string; spent: keyof BudgetState; left: keyof BudgetState }[] = [
  { key: "dailyUsd", label: "Daily budget (USD)", period: "Today", spent: "spentTodayUsd", left: "remainingTodayUsd" },
  {
    key: "monthlyUsd",
    label: "Monthly budget (USD)",
    period: "This month",
    spent: "spentMonthUsd",
    left: "remainingMonthUsd",
  },
];

const INVALID = "Enter an amount in US dollars, such as 2.50, or leave it empty for no limit.";
const MESSAGES: Record<string, string> = {
  invalid_type: INVALID,
  too_small: "Must be more than $0; leave it empty for no limit.",
  too_big: "Must be at most $1,000,000.",
};

const text = (value: number | null) => (value === null ? "" : String(value));

/** Empty means "no budget"; anything else must be a number the schema accepts. */
function parse(values: Record<Field, string>) {
  const toNumber = (raw: string) => (raw.trim() === "" ? null : Number(raw.trim().replace(/^\$/, "")));
  return budgetInputSchema.safeParse({ dailyUsd: toNumber(values.dailyUsd), monthlyUsd: toNumber(values.monthlyUsd) });
}

/** Daily and monthly budgets: what is spent, what is left, and the form to change them. */
export function BudgetCard({ budget }: { budget: BudgetState }) {
  const id = useId();
  const save = useSaveBudget();
  const [values, setValues] = useState<Record<Field, string>>({
    dailyUsd: text(budget.dailyUsd),
    monthlyUsd: text(budget.monthlyUsd),
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string[]>>>({});

  const submit = (input: BudgetInput) => {
    save.mutate(input, {
      onSuccess: ({ budget: saved }) =>
        setValues({ dailyUsd: text(saved.dailyUsd), monthlyUsd: text(saved.monthlyUsd) }),
    });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parse(values);
    if (!parsed.success) {
      const next: Partial<Record<Field, string[]>> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as Field;
        next[key] = [...(next[key] ?? []), MESSAGES[issue.code] ?? INVALID];
      }
      setErrors(next);
      return;
    }
    setErrors({});
    submit(parsed.data);
  };

  return (
    <Card
      title="Budgets"
      description="Past a budget, the gateway refuses new requests with a budget_exceeded error (HTTP 402) until the day or month is over. Requests with an unknown price count as $0."
    >
      {budget.exceeded ? (
        <Notice tone="warning" className="mb-3">
          The {budget.exceeded} budget is used up: new requests are refused.
        </Notice>
      ) : null}
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
        <div className="grid gap-3 sm:grid-cols-2">
          {FIELDS.map((field) => {
            const limit = budget[field.key];
            const spent = budget[field.spent] as number;
            const left = budget[field.left] as number | null;
            return (
              <div key={field.key}>
                <label htmlFor={`${id}-${field.key}`} className="block text-sm font-medium">
                  {field.label}
                </label>
                <input
                  id={`${id}-${field.key}`}
                  inputMode="decimal"
                  placeholder="No limit"
                  value={values[field.key]}
                  onChange={(e) => setValues({ ...values, [field.key]: e.target.value })}
                  aria-invalid={errors[field.key] ? true : undefined}
                  aria-describedby={`${id}-${field.key}-state ${errors[field.key] ? `${id}-${field.key}-error` : ""}`}
                  className={inputClasses(Boolean(errors[field.key]), "mt-1 max-w-48")}
                />
                <FieldError id={`${id}-${field.key}-error`} messages={errors[field.key]} />
                <p id={`${id}-${field.key}-state`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                  {field.period}: {formatCost(spent)} spent
                  {limit === null ? " · no budget set" : ` of ${formatCost(limit)} · ${formatCost(left)} left`}
                </p>
              </div>
            );
          })}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Button type="submit" variant="primary" disabled={save.isPending}>
            Save budgets
          </Button>
          <Button
            disabled={save.isPending || (budget.dailyUsd === null && budget.monthlyUsd === null)}
            onClick={() => submit({ dailyUsd: null, monthlyUsd: null })}
          >
            Remove budgets
          </Button>
          {save.isSuccess ? (
            <span role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
              Saved.
            </span>
          ) : null}
        </div>
        {save.error ? <Notice tone="error">Could not save the budgets: {save.error.message}</Notice> : null}
      </form>
    </Card>
  );
}
