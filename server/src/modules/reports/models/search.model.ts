import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ReportModel } from './report.model.js';

@ObjectType('SearchHit', { description: 'A current report whose text contains the words searched for.' })
export class SearchHitModel {
  @Field(() => ReportModel, { description: 'The report.' })
  report!: ReportModel;

  @Field(() => String, { description: 'The words with some text around their first occurrence (whitespace collapsed; … where cut).' })
  snippet!: string;

  @Field(() => Int, { description: 'Offset of the first occurrence in Report.text (0-based, in characters).' })
  offset!: number;
}

@ObjectType('SearchPage', { description: 'A page of search hits.' })
export class SearchPageModel {
  @Field(() => [SearchHitModel], { description: 'Hits of this page: newest year first, then by agency name.' })
  items!: SearchHitModel[];

  @Field(() => Int, { description: 'How many current reports contain the words.' })
  total!: number;
}
