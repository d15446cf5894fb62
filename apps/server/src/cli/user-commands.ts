import { passwordReset, userCreate } from '@kontor/contracts';
import { Command } from 'commander';
import type { createIdentityModule } from '../identity/index.js';
import { generatePassword } from '../identity/passwords.js';
import { systemContext } from '../platform/context.js';

type Flags = Record<string, unknown>;
type Opened = { identity: ReturnType<typeof createIdentityModule>; release: () => Promise<void> };

/** `kontor user add|passwd|disable`: account rescue and scripted set-up from the node's own shell. */
export function userCommands(
  withStoreOptions: (command: Command) => Command,
  open: (flags: Flags) => Promise<Opened>,
  run: (action: () => Promise<void>) => Promise<void>,
): Command {
  const user = new Command('user').description('manage users from the command line');
  const ctx = systemContext('cli');
  const withAdmin = (flags: Flags, work: (admin: ReturnType<Opened['identity']['admin']>) => Promise<string>) =>
    run(async () => {
      const { identity, release } = await open(flags);
      try {
        process.stdout.write(`${await work(identity.admin())}\n`);
      } finally {
        await release();
      }
    });

  withStoreOptions(user.command('add <username>').description('create a user'))
    .option('--display-name <name>', 'name shown in the interface')
    .option('--email <address>', 'e-mail address')
    .option('--role <name...>', 'role(s) to give, by name')
    .option('--password <password>', 'password (otherwise generated and printed once)')
    .action((username: string, { displayName, email, role, password, ...flags }: Flags) =>
      withAdmin(flags, async (admin) => {
        const roles = await admin.listRoles();
        const wanted = (role as string[] | undefined) ?? [];
        const roleIds = wanted.map((name) => {
          const found = roles.find((r) => r.name.toLowerCase() === name.toLowerCase());
          if (!found) throw new Error(`No role named ${name}; roles: ${roles.map((r) => r.name).join(', ')}`);
          return found.id;
        });
        const chosen = (password as string | undefined) ?? generatePassword();
        await admin.createUser(
          ctx,
          userCreate.parse({
            username,
            displayName: (displayName as string | undefined) ?? username,
            email: (email as string | undefined) ?? null,
            password: chosen,
            roleIds,
          }),
        );
        return password ? `Created ${username}.` : `Created ${username} with password ${chosen} (shown once).`;
      }),
    );

  withStoreOptions(user.command('passwd <username>').description("set a user's password and unlock the account"))
    .option('--password <password>', 'new password (otherwise generated and printed once)')
    .action((username: string, { password, ...flags }: Flags) =>
      withAdmin(flags, async (admin) => {
        const found = await admin.getUserByUsername(username);
        const chosen = (password as string | undefined) ?? generatePassword();
        await admin.setPassword(ctx, found.id, passwordReset.parse({ password: chosen }).password);
        return password ? `Password of ${username} changed.` : `New password of ${username}: ${chosen} (shown once).`;
      }),
    );

  withStoreOptions(user.command('disable <username>').description('disable a user and end their sessions')).action(
    (username: string, flags: Flags) =>
      withAdmin(flags, async (admin) => {
        const found = await admin.getUserByUsername(username);
        await admin.updateUser(ctx, found.id, { disabled: true });
        return `Disabled ${username}.`;
      }),
  );
  return user;
}
