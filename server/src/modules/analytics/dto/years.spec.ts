import 'reflect-metadata';
import { validate } from 'class-validator';
import { IsYearList } from './years.js';

class AskedYears {
  @IsYearList()
  years!: number[];
}
class FilterYears {
  @IsYearList({ atLeastOne: false })
  years!: number[];
}

/** The messages a clerk would read for `years`. */
async function refusals(target: AskedYears | FilterYears, years: number[]): Promise<string[]> {
  target.years = years;
  return (await validate(target)).flatMap((e) => Object.values(e.constraints ?? {}));
}

const OUT_OF_BOUNDS = '年份须为 2000–2100 之间的整数。Years must be whole numbers from 2000 to 2100.';

describe('IsYearList', () => {
  it('takes 1 to 20 whole years from 2000 to 2100', async () => {
    expect(await refusals(new AskedYears(), [2000])).toEqual([]);
    expect(
      await refusals(
        new AskedYears(),
        Array.from({ length: 20 }, (_, i) => 2081 + i),
      ),
    ).toEqual([]);
  });

  it('refuses no year, a 21st year, a fraction and a year out of bounds, each saying why', async () => {
    expect(await refusals(new AskedYears(), [])).toEqual(['years: 至少选择一个年份。Give at least one year.']);
    expect(
      await refusals(
        new AskedYears(),
        Array.from({ length: 21 }, (_, i) => 2000 + i),
      ),
    ).toEqual(['years: 最多 20 个年份。At most 20 years.']);
    expect(await refusals(new AskedYears(), [2023.5])).toEqual([OUT_OF_BOUNDS]);
    expect(await refusals(new AskedYears(), [1999])).toEqual([OUT_OF_BOUNDS]);
    expect(await refusals(new AskedYears(), [2101])).toEqual([OUT_OF_BOUNDS]);
  });

  it('as an optional filter takes an empty list and keeps the other bounds', async () => {
    expect(await refusals(new FilterYears(), [])).toEqual([]);
    expect(await refusals(new FilterYears(), [1999])).toEqual([OUT_OF_BOUNDS]);
  });
});
