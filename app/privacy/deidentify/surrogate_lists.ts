/*
| Small built-in lists for realistic surrogate values. Common, generic
| values on purpose: a surrogate must look plausible, not point at anyone.
*/
export const SURROGATE_LISTS = {
  firstNames: [
    'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth',
    'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen',
    'Daniel', 'Nancy', 'Matthew', 'Lisa', 'Anthony', 'Betty', 'Mark', 'Margaret', 'Paul', 'Sandra',
    'Steven', 'Ashley', 'Andrew', 'Emily', 'Joshua', 'Donna', 'Kevin', 'Michelle', 'Brian', 'Carol',
    'George', 'Amanda', 'Edward', 'Melissa', 'Ronald', 'Deborah', 'Jason', 'Laura', 'Ryan', 'Rebecca',
    'Jacob', 'Sharon', 'Gary', 'Cynthia', 'Eric', 'Kathleen', 'Peter', 'Helen', 'Samuel', 'Anna',
  ],
  lastNames: [
    'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor',
    'Thomas', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis',
    'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Hill', 'Green', 'Adams',
    'Baker', 'Nelson', 'Carter', 'Mitchell', 'Roberts', 'Turner', 'Phillips', 'Campbell', 'Parker', 'Evans',
    'Edwards', 'Collins', 'Stewart', 'Morris', 'Rogers', 'Reed', 'Cook', 'Morgan', 'Bell', 'Murphy',
    'Bailey', 'Cooper', 'Richardson', 'Cox', 'Howard', 'Ward', 'Peterson', 'Gray', 'James', 'Watson',
  ],
  streetNames: [
    'Maple', 'Oak', 'Cedar', 'Elm', 'Pine', 'Walnut', 'Birch', 'Willow', 'Chestnut', 'Hickory',
    'Spruce', 'Aspen', 'Sycamore', 'Juniper', 'Magnolia', 'Laurel', 'Hawthorn', 'Linden', 'Poplar', 'Cypress',
  ],
  streetSecondWords: ['Grove', 'Ridge', 'Hill', 'Park', 'Valley', 'Creek', 'Meadow', 'Hollow'],
  streetSuffixes: [
    'st', 'street', 'rd', 'road', 'dr', 'drive', 'ln', 'lane', 'ave', 'avenue', 'blvd', 'boulevard', 'way',
    'ct', 'court', 'pl', 'place', 'ter', 'terrace', 'cir', 'circle', 'pkwy', 'parkway', 'hwy', 'highway', 'trl', 'trail',
  ],
  cities: [
    'Springfield', 'Riverton', 'Fairview', 'Greenville', 'Franklin', 'Clinton', 'Georgetown', 'Salem', 'Madison', 'Ashland',
    'Milton', 'Oakdale', 'Lakewood', 'Brookside', 'Centerville', 'Kingston', 'Marion', 'Newport', 'Arlington', 'Dover',
  ],
  stateCodes: ['OH', 'KS', 'NE', 'IN', 'MO', 'KY', 'TN', 'AL', 'SC', 'VT', 'ME', 'NH', 'WI', 'MN', 'UT', 'NM'],
  stateNames: [
    'Ohio', 'Kansas', 'Nebraska', 'Indiana', 'Missouri', 'Kentucky', 'Tennessee', 'Alabama', 'Vermont', 'Maine',
    'Wisconsin', 'Minnesota', 'Utah', 'Montana', 'Wyoming', 'Delaware',
  ],
  organizationPrefixes: [
    'Riverside', 'Lakeside', 'Northfield', 'Westbrook', 'Fairmont', 'Stonebridge', 'Maplewood', 'Clearwater',
    'Brightwater', 'Cedar Grove', 'Oak Hill', 'Greenfield', 'Silver Lake', 'Eastgate', 'Highland', 'Meadowview',
  ],
  /* Trailing words of an organisation name that say what it is, not which one. */
  organizationKindWords: [
    'hospital', 'hospitals', 'medical', 'center', 'centre', 'clinic', 'clinics', 'family', 'medicine', 'health', 'healthcare',
    'care', 'associates', 'group', 'practice', 'physicians', 'pediatrics', 'pediatric', 'cardiology', 'heart',
    'orthopaedic', 'orthopedic', 'orthopedics', 'surgery', 'surgical', 'pharmacy', 'apothecary', 'regional', 'general',
    'memorial', 'community', 'university', 'college', 'school', 'high', 'elementary', 'middle', 'academy', 'llp', 'llc',
    'inc', 'inc.', 'co.', 'company', 'cafe', 'senior', 'living', 'home', 'hearing', 'endocrine', 'endocrinology',
    'diabetes', 'lung', 'pulmonary', 'psychiatry', 'counseling', 'dermatology', 'skin', 'obstetrics', 'women\'s',
    'midwifery', 'primary', 'urgent', 'internal', 'specialty', 'rehabilitation', 'imaging', 'laboratory', 'labs', 'dental',
    'endoscopy', 'suites', 'services', 'institute', 'foundation', 'system', 'network', '&', 'and',
  ],
} as const
