// A unique or foreign key the database refuses becomes the catalogue error the service's own
// check would have thrown (src/store/constraint-errors.ts), read from each driver's real error.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { DomainError } from '../src/errors/catalogue.ts';
import { constraintError } from '../src/store/constraint-errors.ts';
import type { Store } from '../src/store/database.ts';
import { forEachDialect, openTestStore } from './helpers/dialects.ts';

forEachDialect('constraint errors', (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;
  before(async () => {
    ({ store, dispose } = await openTestStore(kind));
  });
  after(() => dispose());

  /** The catalogue error the write's failure maps to; undefined when it maps to none. */
  async function refusal(write: () => Promise<unknown>, method = 'POST'): Promise<DomainError | undefined> {
    try {
      await write();
    } catch (error) {
      return constraintError(store.adapter, error, method);
    }
    assert.fail('the write was expected to fail');
  }

  const unit = (id: string, code: string, parentId: string | null = null) =>
    store.db
      .insertInto('units')
      .values({
        id,
        kind: 'grid',
        parent_id: parentId,
        path: `/${id}/`,
        code,
        name: id,
        polygon: null,
        created_at: 1,
        updated_at: 1,
      })
      .execute();
  const user = (id: string, username: string, unitId: string) =>
    store.db
      .insertInto('users')
      .values({
        id,
        username,
        display_name: id,
        password_hash: 'x',
        role: 'operator',
        unit_id: unitId,
        phone: null,
        active: 1,
        failed_logins: 0,
        last_failed_at: null,
        locked_until: null,
        created_at: 1,
        updated_at: 1,
      })
      .execute();
  const category = (id: string, minorCode: string) =>
    store.db
      .insertInto('categories')
      .values({
        id,
        type: 'event',
        major_code: '01',
        major_name: 'm',
        minor_code: minorCode,
        minor_name: 'n',
        time_limit_amount: 1,
        time_limit_unit: 'hours',
        default_unit_kind: null,
        default_unit_id: null,
        default_stage: 'before',
        duplicate_radius_m: 0,
        active: 1,
        extra_fields: null,
        created_at: 1,
        updated_at: 1,
      })
      .execute();

  it('maps a taken unique key to its _TAKEN code, naming the field', async () => {
    await unit('u1', 'CODE-1');
    await user('p1', 'taken', 'u1');
    await category('c1', '01');
    const username = await refusal(() => user('p2', 'taken', 'u1'));
    assert.equal(username?.code, 'USERNAME_TAKEN');
    assert.deepEqual(username?.details, { field: 'username' });
    assert.equal((await refusal(() => unit('u2', 'CODE-1')))?.code, 'UNIT_CODE_TAKEN');
    assert.equal((await refusal(() => category('c2', '01')))?.code, 'CATEGORY_CODE_TAKEN');
    assert.equal(username?.status, 409);
  });

  it('leaves a clash of keys no client chooses (a primary key) to be logged as a fault', async () => {
    assert.equal(await refusal(() => unit('u1', 'CODE-OTHER')), undefined);
  });

  it('maps a reference to a missing row to 404 and the removal of a row still referred to to 409', async () => {
    const missing = await refusal(() => user('p3', 'orphan', 'no-such-unit'));
    const inUse = await refusal(
      () => store.db.deleteFrom('units').where('id', '=', 'u1').execute(),
      'DELETE',
    );
    if (kind === 'postgres') {
      // PostgreSQL names the table referred to: the resource's own codes.
      assert.equal(missing?.code, 'UNIT_NOT_FOUND');
      assert.equal(inUse?.code, 'UNIT_IN_USE');
    } else {
      // SQLite says only "FOREIGN KEY constraint failed": the generic codes, the side from the method.
      assert.equal(missing?.code, 'REFERENCE_NOT_FOUND');
      assert.equal(inUse?.code, 'STILL_REFERENCED');
    }
    assert.equal(missing?.status, 404);
    assert.equal(inUse?.status, 409);
  });

  it('maps any other failure to nothing', async () => {
    assert.equal(constraintError(store.adapter, new Error('connection reset'), 'POST'), undefined);
    assert.equal(constraintError(store.adapter, 'not an error', 'POST'), undefined);
  });
});
