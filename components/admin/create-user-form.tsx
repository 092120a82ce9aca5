"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ErrorText, Field, Input, Select } from "@/components/ui/field";
import { ROLES } from "@/lib/schemas/common";
import { createUserBodySchema } from "@/lib/schemas/user";
import { useUsers } from "./use-users";

export function CreateUserForm() {
  const [error, setError] = useState("");
  const { create } = useUsers();

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const parsed = createUserBodySchema.safeParse(Object.fromEntries(new FormData(formEl)));
    if (!parsed.success) return setError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join(" · "));
    setError("");
    try {
      await create.mutateAsync(parsed.data);
      formEl.reset();
    } catch (err) {
      setError(err instanceof Error ? err.message : "Could not create the user.");
    }
  }

  return (
    <form onSubmit={onSubmit} className="grid max-w-3xl grid-cols-2 gap-3 md:grid-cols-5" data-testid="create-user-form">
      <Field label="E-mail">
        <Input name="email" type="email" required data-testid="new-user-email" />
      </Field>
      <Field label="Name">
        <Input name="name" required data-testid="new-user-name" />
      </Field>
      <Field label="Role">
        <Select name="role" defaultValue="radiologist" data-testid="new-user-role">
          {ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </Select>
      </Field>
      <Field label="Initial password">
        <Input name="password" type="password" minLength={10} required data-testid="new-user-password" />
      </Field>
      <div className="flex items-end">
        <Button type="submit" disabled={create.isPending} data-testid="new-user-submit">
          Add user
        </Button>
      </div>
      <div className="col-span-full">
        <ErrorText>{error}</ErrorText>
      </div>
    </form>
  );
}
