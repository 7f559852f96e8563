import { call } from './invoke'
import type { SearchPage } from '../bindings/SearchPage'
import type { SearchQuery } from '../bindings/SearchQuery'

export const search = (input: SearchQuery) => call<SearchPage>('search', { input })
