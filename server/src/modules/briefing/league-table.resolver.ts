import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InputErrorCode, InputException } from '../../common/errors/input.exception.js';
import { LEAGUE_ROWS_MESSAGE, LeagueRowsArgs } from './dto/league-table.args.js';
import { LeagueRowModel, LeagueTableModel } from './models/league-table.model.js';

/**
 * A league table's rows, worst first: all of them (the DOCX, the follow-up list), or the first ones a page shows, so
 * that a province's briefing does not send every agency of every table; the table's counts still cover every row.
 */
@Resolver(() => LeagueTableModel)
export class LeagueTableResolver {
  @ResolveField('rows', () => [LeagueRowModel], {
    description:
      'Red first, then yellow, green, not coloured, without value; within a colour the worst value first. `first` keeps only the first rows. Errors: BAD_USER_INPUT with extensions.reason INVALID_ARGUMENTS when first is negative.',
  })
  rows(@Parent() table: LeagueTableModel, @Args() args: LeagueRowsArgs): LeagueRowModel[] {
    if (args.first == null) return table.rows;
    if (args.first < 0) throw new InputException(InputErrorCode.INVALID_ARGUMENTS, LEAGUE_ROWS_MESSAGE, { fields: { first: [LEAGUE_ROWS_MESSAGE] } });
    return table.rows.slice(0, args.first);
  }
}
