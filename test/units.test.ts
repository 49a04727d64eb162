import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import { loginAs, square, useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';

forEachDialect('units', (kind) => {
  const t = useTestApp(kind);

  it('lists the whole tree for an operator and only its own community for a community user', async () => {
    const op = await loginAs(t.app, 'operator');
    const tree = await t.app.inject({ url: '/api/units?view=tree', headers: op });
    assert.equal(tree.statusCode, 200);
    const [root] = tree.json().items;
    assert.equal(root.name, '测试街道');
    assert.deepEqual(
      root.children.map((c: { name: string }) => c.name),
      ['第一网格片', '第二网格片', '绿化所'],
    );
    const a1 = await loginAs(t.app, 'commA1');
    const flat = await t.app.inject({ url: '/api/units', headers: a1 });
    assert.deepEqual(
      flat.json().items.map((u: { name: string }) => u.name),
      ['A1社区', 'A1社区第1网格', 'A1社区第2网格'],
    );
  });

  it('hides another community from a community user (404) and refuses changes (403)', async () => {
    const a1 = await loginAs(t.app, 'commA1');
    const other = await t.app.inject({ url: `/api/units/${t.org.a2.id}`, headers: a1 });
    assert.equal(other.statusCode, 404);
    assert.equal(other.json().error.code, 'UNIT_NOT_FOUND');
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/units/${t.org.a2.id}`,
      headers: a1,
      payload: { name: 'hijacked' },
    });
    assert.equal(patch.statusCode, 403);
    assert.equal(patch.json().error.code, 'FORBIDDEN');
  });

  it('lets a workstation see every community of its grid area but not the other area', async () => {
    const ws = await loginAs(t.app, 'wsA');
    const res = await t.app.inject({ url: '/api/units?kind=community', headers: ws });
    assert.deepEqual(
      res.json().items.map((u: { name: string }) => u.name),
      ['A1社区', 'A2社区'],
    );
  });

  it('creates, moves and deletes units with the tree rules enforced', async () => {
    const admin = await loginAs(t.app, 'admin');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: admin,
      payload: {
        kind: 'grid',
        parentId: t.org.a1.id,
        code: '32050600100103',
        name: '新网格',
        polygon: square(31.4, 120.9),
      },
    });
    assert.equal(created.statusCode, 201);
    const grid = created.json();
    assert.equal(grid.parentId, t.org.a1.id);

    const wrongParent = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: admin,
      payload: { kind: 'grid', parentId: t.org.areaA.id, code: 'X1', name: 'x' },
    });
    assert.equal(wrongParent.statusCode, 422);
    assert.equal(wrongParent.json().error.code, 'UNIT_PARENT_INVALID');

    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: admin,
      payload: { kind: 'grid', parentId: t.org.a1.id, code: '32050600100103', name: 'again' },
    });
    assert.equal(dup.statusCode, 409);
    assert.equal(dup.json().error.code, 'UNIT_CODE_TAKEN');

    const moved = await t.app.inject({
      method: 'PATCH',
      url: `/api/units/${grid.id}`,
      headers: admin,
      payload: { parentId: t.org.a2.id },
    });
    assert.equal(moved.statusCode, 200);
    const a2 = await loginAs(t.app, 'commA2');
    const seen = await t.app.inject({ url: `/api/units/${grid.id}`, headers: a2 });
    assert.equal(seen.statusCode, 200, 'the moved grid is now in A2 scope');

    const withChildren = await t.app.inject({
      method: 'DELETE',
      url: `/api/units/${t.org.a2.id}`,
      headers: admin,
    });
    assert.equal(withChildren.statusCode, 409);
    assert.equal(withChildren.json().error.code, 'UNIT_HAS_CHILDREN');

    const withUsers = await t.app.inject({
      method: 'DELETE',
      url: `/api/units/${t.org.dept.id}`,
      headers: admin,
    });
    assert.equal(withUsers.statusCode, 409);
    assert.equal(withUsers.json().error.code, 'UNIT_IN_USE');
    assert.deepEqual(withUsers.json().error.details, { users: 1 });

    const gone = await t.app.inject({ method: 'DELETE', url: `/api/units/${grid.id}`, headers: admin });
    assert.equal(gone.statusCode, 204);
    const after = await t.app.inject({ url: `/api/units/${grid.id}`, headers: admin });
    assert.equal(after.statusCode, 404);
  });

  it('refuses to delete a unit that devices, assets or categories name (409 UNIT_IN_USE naming them)', async () => {
    const admin = await loginAs(t.app, 'admin');
    const db = t.store.db;
    const now = t.clock.now();
    const newDepartment = async (code: string) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/units',
        headers: admin,
        payload: { kind: 'department', parentId: t.org.sub.id, code, name: code },
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id as string;
    };
    const remove = (id: string) =>
      t.app.inject({ method: 'DELETE', url: `/api/units/${id}`, headers: admin });

    const withAsset = await newDepartment('D-REF-1');
    const asset = { kind: 'vehicle', code: 'A-REF', name: 'truck', unit_id: withAsset, segment_id: null };
    await db
      .insertInto('assets')
      .values({ id: 'a-ref', ...asset, created_at: now, updated_at: now })
      .execute();
    await db
      .insertInto('devices')
      .values({
        id: 'd-ref',
        name: 'tracker',
        protocol: 'osmand',
        identifier: 'ref-1',
        asset_id: 'a-ref',
        unit_id: withAsset,
        auth_code: null,
        offline_after_s: 300,
        last_seen_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const assetRefused = await remove(withAsset);
    assert.equal(assetRefused.statusCode, 409, assetRefused.body);
    assert.equal(assetRefused.json().error.code, 'UNIT_IN_USE');
    assert.deepEqual(assetRefused.json().error.details, { assets: 1, devices: 1 });
    assert.match(assetRefused.json().error.message, /1 assets, 1 devices/);

    const withCategory = await newDepartment('D-REF-2');
    await db
      .insertInto('categories')
      .values({
        id: 'c-ref',
        type: 'event',
        major_code: '99',
        major_name: 'x',
        minor_code: '99',
        minor_name: 'y',
        time_limit_amount: 1,
        time_limit_unit: 'days',
        default_unit_kind: 'department',
        default_unit_id: withCategory,
        default_stage: 'during',
        duplicate_radius_m: 50,
        active: 1,
        extra_fields: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const categoryRefused = await remove(withCategory);
    assert.equal(categoryRefused.statusCode, 409, categoryRefused.body);
    assert.deepEqual(categoryRefused.json().error.details, { categories: 1 });
  });

  it('answers 409 UNIT_IN_USE, not 500, when a foreign key the count does not know still holds the unit', async () => {
    const admin = await loginAs(t.app, 'admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: admin,
      payload: { kind: 'department', parentId: t.org.sub.id, code: 'D-REF-3', name: 'D-REF-3' },
    });
    const id = res.json().id as string;
    // A table outside unitReferences stands for a reference the count missed (a row added meanwhile).
    await sql`create table fk_probe (unit_id text references units(id))`.execute(t.store.db);
    try {
      await sql`insert into fk_probe (unit_id) values (${id})`.execute(t.store.db);
      const refused = await t.app.inject({ method: 'DELETE', url: `/api/units/${id}`, headers: admin });
      assert.equal(refused.statusCode, 409, refused.body);
      assert.equal(refused.json().error.code, 'UNIT_IN_USE');
    } finally {
      await sql`drop table fk_probe`.execute(t.store.db);
    }
  });

  it('rejects a polygon that is not closed, out of range or self-crossing, naming the problem', async () => {
    const admin = await loginAs(t.app, 'admin');
    const cases: [unknown, RegExp][] = [
      [
        {
          type: 'Polygon',
          coordinates: [
            [
              [120.8, 31.3],
              [120.81, 31.3],
              [120.81, 31.31],
              [120.8, 31.31],
            ],
          ],
        },
        /not closed/,
      ],
      [
        {
          type: 'Polygon',
          coordinates: [
            [
              [31.3, 200],
              [31.31, 200],
              [31.31, 201],
              [31.3, 200],
            ],
          ],
        },
        /latitude 200/,
      ],
      [
        {
          type: 'Polygon',
          coordinates: [
            [
              [120.8, 31.3],
              [120.81, 31.31],
              [120.81, 31.3],
              [120.8, 31.31],
              [120.8, 31.3],
            ],
          ],
        },
        /crosses itself/,
      ],
      [{ type: 'Point', coordinates: [120.8, 31.3] }, /Polygon/],
    ];
    for (const [polygon, problem] of cases) {
      const res = await t.app.inject({
        method: 'PATCH',
        url: `/api/units/${t.org.a1.id}`,
        headers: admin,
        payload: { polygon },
      });
      assert.equal(res.statusCode, 400, JSON.stringify(polygon));
      assert.equal(res.json().error.code, 'INVALID_GEOMETRY');
      assert.match(res.json().error.message, problem);
    }
  });

  it('locates a point to its grid chain: inside, on a shared border, outside', async () => {
    const op = await loginAs(t.app, 'operator');
    const inside = await t.app.inject({ url: '/api/units/locate?lat=31.305&lon=120.815', headers: op });
    assert.equal(inside.statusCode, 200);
    const chain = inside.json();
    assert.equal(chain.grid.name, 'A1社区第2网格');
    assert.equal(chain.community.name, 'A1社区');
    assert.equal(chain.gridArea.name, '第一网格片');
    assert.equal(chain.workstation.name, '第一联动工作站');
    assert.equal(chain.subdistrict.name, '测试街道');

    // lon 120.82 is the border between A1's second grid and A2's first: the lower code wins.
    const border = await t.app.inject({ url: '/api/units/locate?lat=31.305&lon=120.82', headers: op });
    assert.equal(border.json().grid.name, 'A1社区第2网格');

    const b1 = await t.app.inject({ url: '/api/units/locate?lat=31.305&lon=120.845', headers: op });
    assert.equal(b1.json().community.name, 'B1社区');
    assert.equal(b1.json().workstation, null);

    const outside = await t.app.inject({ url: '/api/units/locate?lat=31.2&lon=120.8', headers: op });
    assert.equal(outside.statusCode, 404);
    assert.equal(outside.json().error.code, 'UNIT_NOT_FOUND');
  });
});
