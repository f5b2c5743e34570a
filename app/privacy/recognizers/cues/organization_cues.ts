/*
| Words that end the name of an organisation ("Pine Hollow Family
| Medicine", "Ferris & Keegan LLP"), and words that only describe a
| department or a service ("Nephrology Clinic" is not an organisation's
| name). Lowercase.
*/

/** Heads that make an organisation of any capitalised phrase before them. */
export const STRONG_ORGANIZATION_HEADS = new Set([
  'hospital', 'hospitals', 'university', 'college', 'school', 'academy', 'elementary', 'preschool', 'daycare', 'montessori', 'seminary',
  'ymca', 'ywca', 'church', 'chapel', 'temple', 'synagogue', 'mosque', 'ministries', 'parish', 'inc', 'llc', 'llp', 'pllc', 'lp', 'ltd',
  'corp', 'corporation', 'company', 'co', 'foundation', 'institute', 'cafe', 'café', 'restaurant', 'cantina', 'grill', 'diner', 'bakery',
  'bistro', 'pizzeria', 'tavern', 'pub', 'bar', 'brewery', 'bank', 'credit union', 'fabrication', 'manufacturing', 'industries', 'apothecary',
  'pharmacy', 'pharmacies', 'drugstore', 'drugs', 'labs', 'laboratories', 'laboratory', 'parts', 'motors', 'automotive', 'legion', 'library',
  'museum', 'club', 'league', 'union', 'cooperative', 'co-op', 'farms', 'farm', 'ranch', 'market', 'supermarket', 'store', 'stores', 'mart',
  'supply', 'supplies', 'logistics', 'construction', 'builders', 'electric', 'plumbing', 'roofing', 'landscaping', 'solutions', 'consulting',
  'technologies', 'technology', 'systems', 'software', 'insurance', 'firm', 'agency', 'enterprises', 'holdings', 'ventures', 'studios',
  'studio', 'salon', 'spa', 'gym', 'fitness', 'hotel', 'inn', 'motel', 'resort', 'casino', 'airlines', 'railroad', 'trucking', 'transport',
  'freight', 'shipping', 'warehouse', 'mill', 'mills', 'mine', 'mining', 'plant', 'factory', 'foods', 'dairy', 'winery', 'vineyards',
  'nursery', 'kindergarten', 'campus', 'district', 'partners', 'partnership', 'associates', 'group', 'practice', 'physicians', 'specialists',
  'hospice', 'manor', 'living', 'suites', 'post',
])

/** Heads that need at least one modifier that is not department vocabulary ("Eastside Primary Care", not "Primary Care"). */
export const SERVICE_ORGANIZATION_HEADS = new Set([
  'clinic', 'clinics', 'center', 'centre', 'centers', 'health', 'healthcare', 'medicine', 'medical', 'care', 'services', 'system', 'network',
  'rehabilitation', 'rehab', 'pediatrics', 'paediatrics', 'psychiatry', 'neurology', 'cardiology', 'pulmonary', 'pulmonology', 'podiatry',
  'orthopaedics', 'orthopedics', 'dermatology', 'obstetrics', 'midwifery', 'gynecology', 'oncology', 'urology', 'endocrine', 'endocrinology',
  'gastroenterology', 'nephrology', 'rheumatology', 'imaging', 'radiology', 'dental', 'dentistry', 'orthodontics', 'optometry', 'audiology',
  'hearing', 'therapy', 'therapies', 'counseling', 'counselling', 'wellness', 'laser', 'vision', 'eyecare', 'chiropractic', 'surgery',
  'surgical', 'endoscopy', 'diagnostics', 'allergy', 'ent', 'ob/gyn', 'obgyn', 'behavioral', 'psychology', 'nutrition', 'homecare',
  'home', 'pathology', 'urgent',
])

export const ORGANIZATION_HEADS = new Set([...STRONG_ORGANIZATION_HEADS, ...SERVICE_ORGANIZATION_HEADS])

/** Street words: the capitalised words before them are a street, not a person. */
export const STREET_WORDS = new Set([
  'street', 'st', 'road', 'rd', 'avenue', 'ave', 'boulevard', 'blvd', 'lane', 'ln', 'drive', 'dr', 'court', 'ct', 'circle', 'cir', 'way',
  'place', 'pl', 'terrace', 'ter', 'trail', 'trl', 'parkway', 'pkwy', 'highway', 'hwy', 'route', 'rte', 'pike', 'square', 'sq', 'loop',
  'crossing', 'xing', 'alley', 'row', 'run', 'path', 'plaza', 'suite', 'ste', 'apt', 'apartment', 'unit',
])

/** Capitalised words that, right after a capitalised phrase, show it is an organisation or a street rather than a person. */
export const NOT_PERSON_FOLLOWERS = new Set([...ORGANIZATION_HEADS, ...STREET_WORDS].filter((word) => word !== 'dr' && word !== 'post' && word !== 'way'))

/** Words of departments, services and generic facility descriptions: alone they never name an organisation. */
export const DEPARTMENT_WORDS = new Set([
  'family', 'internal', 'general', 'community', 'regional', 'memorial', 'medical', 'primary', 'urgent', 'emergency', 'critical', 'intensive',
  'care', 'health', 'mental', 'behavioral', 'behavioural', 'women', 'woman', 'children', 'child', 'kids', 'pediatric', 'paediatric', 'adult',
  'adolescent', 'senior', 'geriatric', 'county', 'state', 'city', 'university', 'teaching', 'veterans', 'va', 'public', 'private', 'patient',
  'clinic', 'clinics', 'center', 'centre', 'hospital', 'department', 'dept', 'unit', 'service', 'services', 'division', 'section', 'program',
  'outpatient', 'inpatient', 'ambulatory', 'surgical', 'surgery', 'infusion', 'dialysis', 'transplant', 'rehab', 'rehabilitation', 'physical',
  'occupational', 'speech', 'therapy', 'diabetes', 'diabetic', 'endocrine', 'endocrinology', 'weight', 'management', 'bariatric', 'obesity',
  'allergy', 'asthma', 'immunology', 'infectious', 'disease', 'diseases', 'travel', 'wellness', 'imaging', 'radiology', 'laboratory', 'lab',
  'labs', 'pathology', 'anticoagulation', 'coumadin', 'failure', 'stroke', 'memory', 'neuro', 'neuroscience', 'neurosciences', 'digestive',
  'gi', 'liver', 'ob', 'gyn', 'obstetrics', 'gynecology', 'fertility', 'maternity', 'birth', 'labor', 'delivery', 'newborn', 'nicu', 'picu',
  'icu', 'ed', 'er', 'trauma', 'burn', 'orthopedic', 'orthopaedic', 'orthopedics', 'orthopaedics', 'sports', 'hand', 'foot', 'ankle', 'joint',
  'bone', 'dental', 'oral', 'maxillofacial', 'ent', 'head', 'neck', 'plastic', 'reconstructive', 'cosmetic', 'dermatology', 'skin',
  'psychiatric', 'psychiatry', 'psychology', 'counseling', 'counselling', 'addiction', 'recovery', 'substance', 'detox', 'hospice', 'palliative',
  'home', 'virtual', 'telehealth', 'express', 'walk-in', 'same-day', 'main', 'north', 'south', 'east', 'west', 'central', 'downtown',
  'satellite', 'annex', 'specialty', 'specialists', 'multispecialty', 'student', 'employee', 'the', 'of', 'and', 'for', 'at', 'our', 'your',
  'new', 'pulmonary', 'pulmonology', 'respiratory', 'sleep', 'nephrology', 'renal', 'kidney', 'urology', 'vascular', 'vein', 'cardiovascular',
  'cardiothoracic', 'thoracic', 'cardiology', 'cardiac', 'heart', 'lung', 'neurology', 'neurosurgery', 'spine', 'pain', 'rheumatology',
  'gastroenterology', 'hepatology', 'hematology', 'oncology', 'cancer', 'breast', 'radiation', 'nuclear', 'medicine', 'movement', 'disorders',
  'disorder', 'epilepsy', 'headache', 'wound', 'hyperbaric', 'lactation', 'nutrition', 'dietary', 'eye', 'vision', 'hearing', 'audiology',
  'podiatry', 'endoscopy', 'procedure', 'procedures', 'operating', 'recovery', 'observation', 'admissions', 'triage', 'pharmacy', 'nursing',
  'ymca', 'physicians', 'associates', 'group', 'practice', 'partners', 'healthcare', 'system', 'network', 'clinical', 'research', 'trial',
  'trials', 'genetics', 'genetic', 'prenatal', 'perinatal', 'neonatal', 'well', 'child', 'geriatrics', 'pediatrics', 'paediatrics',
  'midwifery', 'urgent', 'quick', 'minute', 'retail', 'mobile', 'school-based', 'integrated', 'comprehensive', 'advanced', 'specialized',
])

/** Phrases after which a capitalised phrase is an employer, school or other organisation ("works at", "retired from"). */
export const EMPLOYER_CUE =
  /\b(?:works?|worked|working|employed|employment|employer|job|jobs|retired|retiring|volunteers?|volunteering|volunteered|interns?|internship|student|studies|studying|attends|attending|enrolled|teaches|teaching|teacher|shifts?|position|hired|laid off|fired|manages?|managing|owns|owner)\b[^.\n;]{0,60}?\b(?:at|for|by|from|with)\s+(?:the\s+)?$/i

/** Labels and phrases that announce an organisation ("Employer:", "Rx to", "supplier:"). */
export const ORGANIZATION_LABEL = /(?:\b(?:employer|school|pharmacy|supplier|company|agency|facility|insurer|vendor|workplace|dme|home health|hospice|daycare|nursing home|snf|facility name|organization|organisation)\s*[:(]\s*|\b(?:rx|prescriptions?|scripts?|refills?)\s+(?:\w+\s+)?(?:sent\s+|called\s+in\s+|faxed\s+)?to\s+(?:the\s+)?)$/i

/** Pharmacy chains, with an optional "Pharmacy" and store number. */
export const PHARMACY_CHAINS =
  /\b(?:CVS(?:\s+Caremark)?|Walgreens|Rite[- ]Aid|Walmart|Wal-Mart|Costco|Kroger|Publix|Safeway|Duane Reade|Sam['’]s Club|H-E-B|Meijer|Hy-Vee|Giant Eagle|Albertsons|Express Scripts|OptumRx|Caremark|Harris Teeter|Winn-Dixie|Wegmans|Fred Meyer|Target Pharmacy|Amazon Pharmacy|Capsule Pharmacy)(?:\s+(?:Pharmacy|Drug|Drugs|Specialty))?(?:\s*(?:#|No\.?\s*|[Ss]tore\s*#?)\s*\d+)?/gu
