// Bench `serve`, its data: the countries, organisations, outlets, CAMEO root shares and templates the synthetic store is drawn from.
import type { EventRecord } from '../src/types/index.js';

/** [code, name, adjective, capital, lat, lon] — the countries events are about, busiest first. */
export const COUNTRIES: Array<[string, string, string, string, number, number]> = [
  ['USA', 'United States', 'US', 'Washington', 38.9, -77.04], ['RUS', 'Russia', 'Russian', 'Moscow', 55.76, 37.62],
  ['CHN', 'China', 'Chinese', 'Beijing', 39.9, 116.41], ['UKR', 'Ukraine', 'Ukrainian', 'Kyiv', 50.45, 30.52],
  ['IRN', 'Iran', 'Iranian', 'Tehran', 35.69, 51.39], ['ISR', 'Israel', 'Israeli', 'Jerusalem', 31.77, 35.21],
  ['GBR', 'United Kingdom', 'British', 'London', 51.51, -0.13], ['FRA', 'France', 'French', 'Paris', 48.86, 2.35],
  ['DEU', 'Germany', 'German', 'Berlin', 52.52, 13.4], ['TUR', 'Turkey', 'Turkish', 'Ankara', 39.93, 32.86],
  ['IRQ', 'Iraq', 'Iraqi', 'Baghdad', 33.32, 44.37], ['SYR', 'Syria', 'Syrian', 'Damascus', 33.51, 36.29],
  ['AFG', 'Afghanistan', 'Afghan', 'Kabul', 34.53, 69.17], ['PAK', 'Pakistan', 'Pakistani', 'Islamabad', 33.68, 73.05],
  ['IND', 'India', 'Indian', 'New Delhi', 28.61, 77.21], ['JPN', 'Japan', 'Japanese', 'Tokyo', 35.68, 139.69],
  ['PRK', 'North Korea', 'North Korean', 'Pyongyang', 39.04, 125.76], ['KOR', 'South Korea', 'South Korean', 'Seoul', 37.57, 126.98],
  ['SAU', 'Saudi Arabia', 'Saudi', 'Riyadh', 24.71, 46.68], ['EGY', 'Egypt', 'Egyptian', 'Cairo', 30.04, 31.24],
  ['YEM', 'Yemen', 'Yemeni', 'Sanaa', 15.37, 44.19], ['LBY', 'Libya', 'Libyan', 'Tripoli', 32.89, 13.19],
  ['SOM', 'Somalia', 'Somali', 'Mogadishu', 2.05, 45.32], ['NGA', 'Nigeria', 'Nigerian', 'Abuja', 9.08, 7.4],
  ['MLI', 'Mali', 'Malian', 'Bamako', 12.64, -8.0], ['ETH', 'Ethiopia', 'Ethiopian', 'Addis Ababa', 9.03, 38.74],
  ['KEN', 'Kenya', 'Kenyan', 'Nairobi', -1.29, 36.82], ['SDN', 'Sudan', 'Sudanese', 'Khartoum', 15.5, 32.56],
  ['COD', 'DR Congo', 'Congolese', 'Kinshasa', -4.44, 15.27], ['ZAF', 'South Africa', 'South African', 'Pretoria', -25.75, 28.19],
  ['BRA', 'Brazil', 'Brazilian', 'Brasilia', -15.79, -47.88], ['VEN', 'Venezuela', 'Venezuelan', 'Caracas', 10.48, -66.9],
  ['COL', 'Colombia', 'Colombian', 'Bogota', 4.71, -74.07], ['MEX', 'Mexico', 'Mexican', 'Mexico City', 19.43, -99.13],
  ['CUB', 'Cuba', 'Cuban', 'Havana', 23.11, -82.37], ['CAN', 'Canada', 'Canadian', 'Ottawa', 45.42, -75.7],
  ['POL', 'Poland', 'Polish', 'Warsaw', 52.23, 21.01], ['BLR', 'Belarus', 'Belarusian', 'Minsk', 53.9, 27.56],
  ['GEO', 'Georgia', 'Georgian', 'Tbilisi', 41.72, 44.79], ['ARM', 'Armenia', 'Armenian', 'Yerevan', 40.18, 44.51],
  ['AZE', 'Azerbaijan', 'Azerbaijani', 'Baku', 40.41, 49.87], ['LBN', 'Lebanon', 'Lebanese', 'Beirut', 33.89, 35.5],
  ['JOR', 'Jordan', 'Jordanian', 'Amman', 31.95, 35.93], ['QAT', 'Qatar', 'Qatari', 'Doha', 25.29, 51.53],
  ['ARE', 'United Arab Emirates', 'Emirati', 'Abu Dhabi', 24.45, 54.38], ['IDN', 'Indonesia', 'Indonesian', 'Jakarta', -6.21, 106.85],
  ['PHL', 'Philippines', 'Philippine', 'Manila', 14.6, 120.98], ['VNM', 'Vietnam', 'Vietnamese', 'Hanoi', 21.03, 105.85],
  ['MMR', 'Myanmar', 'Myanmar', 'Naypyidaw', 19.76, 96.08], ['LKA', 'Sri Lanka', 'Sri Lankan', 'Colombo', 6.93, 79.86],
];
/** International organisations: actors without a country. */
export const IGOS: Array<[string, string]> = [['NATO', 'NATO'], ['UN', 'United Nations'], ['EU', 'European Union'], ['AU', 'African Union'], ['IMF', 'IMF'], ['WB', 'World Bank']];
export const SECTORS: Array<[string | null, string, number]> = [[null, '', 0.5], ['GOV', 'government', 0.3], ['MIL', 'military', 0.1], ['CVL', 'civilians', 0.05], ['OPP', 'opposition', 0.05]];
export const OUTLETS = ['Tigris Wire', 'Gulf Ledger', 'Anatolia Notes', 'Desert Daily', 'Euphrates Wire', 'Steppe Herald', 'Pacific Courier', 'Atlas Post',
  'Sahel Monitor', 'Baltic Review', 'Andes Tribune', 'Nile Gazette', 'Danube Times', 'Harbour Bulletin', 'Capital Dispatch', 'Coastal Observer',
  'Highland Record', 'Delta News', 'Meridian Press', 'Crescent Report', 'Northern Star', 'Southern Cross', 'Eastern Sentinel', 'Western Mail',
  'Lakeside Journal', 'Frontier Times', 'Summit Daily', 'Valley Voice', 'Island Chronicle', 'Continental Wire'];
/** Shares of CAMEO roots in the generated events (roughly GDELT's). */
export const ROOT_SHARES: Array<[string, number]> = [
  ['01', 8], ['02', 4], ['03', 6], ['04', 18], ['05', 9], ['06', 3], ['07', 3], ['08', 2], ['09', 1], ['10', 2],
  ['11', 8], ['12', 3], ['13', 4], ['14', 3], ['15', 1], ['16', 2], ['17', 6], ['18', 5], ['19', 11], ['20', 1],
];
export const VERBS: Record<string, string> = {
  '01': 'said of', '02': 'asked', '03': 'promised', '04': 'met', '05': 'praised', '06': 'cooperated with', '07': 'sent aid to',
  '08': 'agreed to talks with', '09': 'investigated', '10': 'demanded from', '11': 'criticised', '12': 'rejected', '13': 'threatened',
  '14': 'protested against', '15': 'mobilised against', '16': 'cut ties with', '17': 'sanctioned', '18': 'attacked', '19': 'shelled', '20': 'massacred',
};
/** Aid codes (appeal, pledge, provide) and the kinds of item each kind of help names. */
export const AID_CODES: Record<string, string[]> = { '02': ['0231', '0232', '0233'], '03': ['0331', '0332', '0333'], '07': ['071', '072', '073'] };
export const KINDS: Record<string, string[]> = {
  '1': ['money', 'fuel'], '2': ['rifle', 'attack-helicopter', 'tank', 'armed-drone', 'artillery', 'ammunition', 'patrol-boat', 'armoured-vehicle'],
  '3': ['food', 'medicine'],
};
export const STATUS: Record<string, EventRecord['status']> = { '02': 'requested', '03': 'pledged', '07': 'delivered', '12': 'refused' };
