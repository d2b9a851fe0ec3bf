import { DomainError, HTTP_STATUS_OF, errorFamily } from '../src/domain-error.js';

class ShelfError extends errorFamily({ SHELF_NOT_FOUND: 'NOT_FOUND', SHELF_FULL: 'BAD_USER_INPUT' }) {
  static notFound(id: string): ShelfError {
    return new ShelfError('SHELF_NOT_FOUND', `找不到书架 ${id}。No shelf ${id}.`, { id });
  }
}

describe('errorFamily', () => {
  it('gives each error the API code its family declares for its code', () => {
    const missing = ShelfError.notFound('7');
    expect(missing).toBeInstanceOf(DomainError);
    expect(missing).toBeInstanceOf(ShelfError);
    expect([missing.code, missing.apiCode, HTTP_STATUS_OF[missing.apiCode]]).toEqual(['SHELF_NOT_FOUND', 'NOT_FOUND', 404]);
    expect(missing.details).toEqual({ id: '7' });
    const full = new ShelfError('SHELF_FULL', '书架已满。The shelf is full.');
    expect([full.apiCode, HTTP_STATUS_OF[full.apiCode], full.details]).toEqual(['BAD_USER_INPUT', 400, undefined]);
  });

  it('names the error after the declaring class, with the message as given', () => {
    const e = ShelfError.notFound('7');
    expect(e.name).toBe('ShelfError');
    expect(e.message).toBe('找不到书架 7。No shelf 7.');
    expect(ShelfError.apiCodes).toEqual({ SHELF_NOT_FOUND: 'NOT_FOUND', SHELF_FULL: 'BAD_USER_INPUT' });
  });

  it('accepts only the codes of its table', () => {
    // @ts-expect-error a code the family does not declare
    expect(new ShelfError('SHELF_MISSING', 'x').apiCode).toBeUndefined();
  });
});

enum LampCode {
  LAMP_BROKEN = 'LAMP_BROKEN',
}
class LampError extends errorFamily<LampCode>({ [LampCode.LAMP_BROKEN]: 'BAD_USER_INPUT' }) {}

describe('errorFamily with a code enum', () => {
  it('takes the enum as its codes', () => {
    const e = new LampError(LampCode.LAMP_BROKEN, '灯坏了。The lamp is broken.');
    expect([e.code, e.apiCode, e.name]).toEqual(['LAMP_BROKEN', 'BAD_USER_INPUT', 'LampError']);
  });
});
