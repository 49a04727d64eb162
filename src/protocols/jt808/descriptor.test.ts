import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jt808Protocol } from './descriptor.ts';

const { normalize, problem } = jt808Protocol.identifier;

describe('JT/T 808 identifier rules', () => {
  it('strips the BCD padding zeros of a phone number', () => {
    assert.equal(normalize('013912345678'), '13912345678');
    assert.equal(normalize('00000000013912344329'), '13912344329');
    assert.equal(normalize('000000000000'), '0');
    assert.equal(problem('13912345678'), undefined);
  });

  it('accepts a header number that is not BCD as its lower-case hex digits', () => {
    assert.equal(normalize('4EB6FB4AFD9E'), '4eb6fb4afd9e');
    assert.equal(normalize('00000000004eb6fb4afd9e'), '4eb6fb4afd9e');
    assert.equal(problem('4eb6fb4afd9e'), undefined);
    assert.equal(problem('f'.repeat(20)), undefined);
  });

  it('refuses what no header can carry', () => {
    for (const bad of ['', '4eb6fb4afd9g', '1'.repeat(21), '139 1234', '+8613912345678']) {
      assert.match(problem(normalize(bad)) ?? '', /terminal phone number of its header/, bad);
    }
  });
});
