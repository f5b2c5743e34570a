/**
 * Frequent English words, some of which are also first names or surnames
 * ("will", "may", "bill", "mark", "hope", "grant", "young", "king"). A word
 * in this list is taken for a name only in name context (a title, "patient",
 * a signature...). Shared/data has no English word list, so it is written here.
 */
export const COMMON_ENGLISH_WORDS: readonly string[] = [
  ...new Set(
    `
the be to of and a in that have it for not on with he as you do at this but his by from they we say her she or
an will my one all would there their what so up out if about who get which go me when make can like time no
just him know take people into year your good some could them see other than then now look only come its over
think also back after use two how our work first well way even new want because any these give day most us is
are was were been has had did does done said made went gone got came seen taken given found left felt kept
more much many such very own same few little great big small large long short high low old young early late
right wrong best better last next each every both either neither another still again never always often
here where why while since until before during between under above below across through around against
without within upon along among behind beyond near far off down away once twice yet ever already soon today
tomorrow yesterday tonight morning afternoon evening night week month hour minute moment
man woman child children men women family friend mother father son daughter brother sister husband wife
home house room door window floor wall table bed chair car road street city town state country world place
school work job office business money number part point group problem fact case hand eye head face body life
way thing name word line side end kind home water food air fire light sound
may can shall must might should
bill mark hope grant rose faith joy grace june april august summer autumn winter spring dawn
art pat ray rich frank king queen prince bishop major general young white brown green black gray grey
long hall wood stone ward hill bell cook page price rice lane banks walker rock field park
call ask tell show try leave feel become put mean keep let begin seem help talk turn start run move live
believe hold bring happen write sit stand lose pay meet include continue set learn change lead understand
watch follow stop create speak read allow add spend grow open walk win offer remember love consider appear
buy wait serve die send expect build stay fall cut reach kill remain suggest raise pass sell require report
decide pull return explain carry develop drive break receive agree support hit produce eat cover catch draw
choose cause deal fill finish plan note list check order sign test treat visit care rest sleep wake
yes okay please thank thanks sorry hello dear sir madam mr mrs ms miss dr
true false real sure clear full free open close closed ready able due normal usual common general special
important possible likely simple hard easy strong weak hot cold warm cool dry wet clean fresh heavy light
new old first second third last final main whole only certain several various recent current past future
because though although unless whether however therefore thus also too quite rather almost enough perhaps
maybe probably really actually simply especially mainly nearly fully slightly mostly
one two three four five six seven eight nine ten eleven twelve hundred thousand million half
monday tuesday wednesday thursday friday saturday sunday
january february march july september october november december
north south east west central upper lower left right front middle top bottom inside outside
report history plan note follow result review status daily weekly noted per patient
`
      .split(/\s+/)
      .filter((word) => word.length > 0)
  ),
]
