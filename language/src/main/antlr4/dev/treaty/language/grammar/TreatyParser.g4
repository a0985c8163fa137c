/*
 * Grammar of Treaty term blocks. One block is a list of statements separated by newlines or
 * semicolons. A statement is a document header line, an amendment operation, an assumption,
 * an event declaration or a term; a term holds attributes between braces.
 *
 * The grammar fixes the shape of each statement; which attributes a term kind takes, which are
 * required, and what every value means are checked by the model (dev.treaty.model.build), so
 * those errors can name the term and the clause.
 */
parser grammar TreatyParser;

options { tokenVocab = TreatyLexer; }

block      : sep? (statement (sep statement)* sep?)? EOF ;
sep        : (NEWLINE | SEMI)+ ;
standaloneExpr : expr EOF ;

statement
    : AGREEMENT id=name title=STRING?                                  # agreementHeader
    | AMENDMENT id=name title=STRING? (AMENDS | RESTATES) target=name  # amendmentHeader
    | CLARIFICATION id=name title=STRING? CLARIFIES target=name        # clarificationHeader
    | ASSUMPTIONS FOR? target=name                                     # assumptionsHeader
    | PARTY shortName=name fullName=STRING?                            # partyDecl
    | SIGNED expr                                                      # signedDecl
    | EFFECTIVE expr                                                   # effectiveDecl
    | REPLACE                                                          # replaceOp
    | ADD                                                              # addOp
    | STRIKE (clauseRef (COMMA clauseRef)*)?                           # strikeOp
    | ASSUME assumed=name EQ (value=expr | word=name) basis=STRING? (PUBLIC SINCE since=expr)?  # assumption
    | KIND kind=name (IS parent=name)? title=STRING?                   # kindDecl
    | CLOUD cloud=name title=STRING?                                   # cloudDecl
    | UNIT unit=name (EQ factor=NUMBER base=name)? title=STRING?       # unitDecl
    | EVENT name title=STRING? (LBRACE sep? (eventAttribute (sep eventAttribute)* sep?)? RBRACE)?  # eventDecl
    | termKind name title=STRING? LBRACE sep? (attribute (sep attribute)* sep?)? RBRACE           # term
    ;

clauseRef : NUMBER | CLAUSE_NUMBER ;

eventAttribute
    : DECLARED BY name   # declaredBy
    | VERIFIED BY name   # verifiedBy
    ;

termKind
    : REVENUE_SHARE | LICENCE | CLOUD_EXCLUSIVITY | FIRST_SHIP | RELEASE_PERMISSION
    | RIGHT_OF_FIRST_REFUSAL | STAKE | PURCHASE_COMMITMENT | PENALTY | INSTALMENT_SALE | COMPUTED
    ;

attribute
    : partyRole name                                        # roleAttr
    | RATE expr                                             # rateAttr
    | RATE expr PER durationUnit                            # perDayRateAttr
    | RATE expr PER unit=name BY metric=name                # unitRateAttr
    | RATE BY metric=name LBRACE sep? band (sep band)* sep? RBRACE  # measuredRateAttr
    | TIERS tierBasis LBRACE sep? tier (sep tier)* sep? RBRACE  # tiersAttr
    | BANDS tierBasis LBRACE sep? band (sep band)* sep? RBRACE  # bandsAttr
    | BASE filter                                           # baseAttr
    | PRODUCTS (ALL | filter)                               # productsAttr
    | PERIOD periodSpec                                     # periodAttr
    | FROM expr (THROUGH expr)?                             # fromAttr
    | THROUGH expr                                          # throughAttr
    | CAP TOTAL expr (COUNTING PAYMENTS SINCE expr)?        # totalCapAttr
    | CAP PER PERIOD expr                                   # periodCapAttr
    | CAP PER YEAR expr                                     # yearCapAttr
    | CAP expr OVER THE LAST expr                           # rollingCapAttr
    | MINIMUM expr PER PERIOD                               # minimumAttr
    | MINIMUM expr PER CONTRACT? YEAR                       # yearMinimumAttr
    | ADVANCE expr (RECOUPABLE | NON_RECOUPABLE)?           # advanceAttr
    | ESCALATION expr PER CONTRACT YEAR                     # escalationAttr
    | DUE expr AFTER PERIOD END                             # dueAttr
    | DUE expr AFTER event=name DECLARED                    # dueAfterEventAttr
    | DEADLINE expr                                         # deadlineAttr
    | PRICE expr                                            # priceAttr
    | INTEREST expr PER YEAR                                # interestAttr
    | TERMINATION AFTER expr                                # terminationAttr
    | INSTALMENTS expr frequency                            # instalmentsAttr
    | CURRENCY name                                         # currencyAttr
    | PAID IN currency=name AT day=name RATE                # paidInAttr
    | ROUNDING name TO expr                                 # roundingAttr
    | COVERS nameList                                       # coversAttr
    | EXCLUDES nameList                                     # excludesAttr
    | EXCLUSIVE (IF onlyIf=condition)? (UNTIL until=condition)?  # exclusiveAttr
    | NON_EXCLUSIVE                                         # nonExclusiveAttr
    | SUBJECTS RELEASED THROUGH expr                        # subjectsAttr
    | CLOUD name                                            # cloudAttr
    | CLOUDS (ANY | nameList)                               # cloudsAttr
    | SEGMENTS nameList                                     # segmentsAttr
    | EXCEPT filter                                         # exceptAttr
    | EXCEPTION TO name                                     # exceptionToAttr
    | UNTIL condition                                       # untilAttr
    | UNLESS condition                                      # unlessAttr
    | AFTER condition                                       # afterAttr
    | IF condition                                          # ifAttr
    | WITHDRAWS EXISTING RELEASES                           # withdrawsAttr
    | RESPONSE WITHIN expr DEFAULT (answer | ASSUMPTION_REF)  # responseAttr
    | PERCENTAGE expr (AS_CONVERTED DILUTED?)?              # percentageAttr
    | VALUED expr                                           # valuedAttr
    | AMOUNT expr                                           # amountAttr
    | SUBJECT name                                          # subjectAttr
    ;

partyRole : PAYER | PAYEE | LICENSOR | LICENSEE | HOLDER | ISSUER | PURCHASER | PROVIDER | GRANTOR | OWNER ;

// over what the running base of tiers (or the volume of bands) is counted: the term's life, each period, each (fiscal) year, each contract year
tierBasis
    : CUMULATIVE
    | PER PERIOD
    | PER YEAR
    | PER CONTRACT YEAR
    ;

tier
    : UP TO expr COLON expr   # boundedTier
    | ABOVE COLON expr        # openTier
    ;

// a band of volume: from (inclusive) or over (exclusive) a bound, to (inclusive) or below (exclusive) another or open-ended
band
    : lower=(FROM | OVER) expr (upper=(TO | BELOW) expr)? COLON expr
    ;

periodSpec
    : MONTH                       # monthPeriod
    | QUARTER                     # quarterPeriod
    | HALF_YEAR                   # halfYearPeriod
    | WEEK                        # weekPeriod
    | YEAR                        # yearPeriod
    | FISCAL YEAR STARTING name   # fiscalYearPeriod
    | FISCAL QUARTER STARTING name  # fiscalQuarterPeriod
    | FISCAL HALF_YEAR STARTING name  # fiscalHalfYearPeriod
    | FISCAL MONTH STARTING name  # fiscalMonthPeriod
    ;

frequency : MONTHLY | QUARTERLY | YEARLY ;

answer : SUPPORT | DECLINE ;

condition
    : NOT condition                        # notCondition
    | condition AND condition              # andCondition
    | condition OR condition               # orCondition
    | LPAREN condition RPAREN              # parenCondition
    | PROVIDER DECLINES CAPABILITIES       # declinesCondition
    | event=name DECLARED (BY by=name)?    # declaredCondition
    | event=name VERIFIED (BY by=name)?    # verifiedCondition
    | ASSUMPTION_REF                       # assumedCondition
    ;

filter
    : NOT filter                   # notFilter
    | filter AND filter            # andFilter
    | filter OR filter             # orFilter
    | LPAREN filter RPAREN         # parenFilter
    | field=name NOT IN nameList   # notInFilter
    | field=name IN nameList       # inFilter
    | field=name EQ name           # eqFilter
    | field=name NEQ name          # neqFilter
    | ASSUMPTION_REF               # assumedFilter
    ;

nameList
    : LBRACKET NEWLINE* name (COMMA NEWLINE* name)* NEWLINE* RBRACKET
    | name
    ;

expr
    : expr op=(STAR | SLASH) expr      # mulExpr
    | expr op=(PLUS | MINUS) expr      # addExpr
    | LPAREN expr RPAREN               # parenExpr
    | currency=name NUMBER magnitude?  # moneyExpr
    | NUMBER durationUnit              # durationExpr
    | NUMBER                           # numberExpr
    | PERCENT                          # percentExpr
    | DATE                             # dateExpr
    | ASSUMPTION_REF                   # assumptionExpr
    | REVENUE                          # revenueExpr
    | MEASURED metric=name             # measuredExpr
    ;

magnitude    : THOUSAND | MILLION | BILLION | TRILLION ;
durationUnit : DAY | DAYS | WEEK | WEEKS | MONTH | MONTHS | YEAR | YEARS ;

// Every keyword may also be used as a name: parties, products, clouds and classes are the
// users' vocabulary, and the language must not reserve any of it.
name
    : IDENT
    | AGREEMENT | AMENDMENT | CLARIFICATION | ASSUMPTIONS | AMENDS | RESTATES | CLARIFIES | PARTY
    | SIGNED | EFFECTIVE | REPLACE | ADD | STRIKE | ASSUME | EVENT | DECLARED | VERIFIED | BY
    | REVENUE_SHARE | LICENCE | CLOUD_EXCLUSIVITY | FIRST_SHIP | RELEASE_PERMISSION
    | RIGHT_OF_FIRST_REFUSAL | STAKE | PURCHASE_COMMITMENT | PENALTY | INSTALMENT_SALE | COMPUTED
    | PAYER | PAYEE | LICENSOR | LICENSEE | HOLDER | ISSUER | PURCHASER | PROVIDER | GRANTOR | OWNER
    | RATE | TIERS | BANDS | CONTRACT | OVER | BELOW | THE | LAST | CUMULATIVE | PER | PERIOD | UP | TO | ABOVE | BASE | PRODUCTS | ALL | ANY
    | FROM | THROUGH | CAP | TOTAL | COUNTING | PAYMENTS | SINCE | MINIMUM | ADVANCE | RECOUPABLE | NON_RECOUPABLE | ESCALATION
    | DUE | DEADLINE | PRICE | INTEREST | REVENUE | MEASURED | PAID | AT | TERMINATION | AFTER | END | INSTALMENTS | CURRENCY | ROUNDING | COVERS | EXCLUDES | EXCLUSIVE
    | NON_EXCLUSIVE | SUBJECTS | RELEASED | CLOUD | CLOUDS | SEGMENTS | EXCEPT | EXCEPTION | UNTIL
    | UNLESS | DECLINES | CAPABILITIES | RESPONSE | WITHIN | DEFAULT | SUPPORT | DECLINE
    | PERCENTAGE | AS_CONVERTED | DILUTED | VALUED | AMOUNT | SUBJECT | MONTH | QUARTER | HALF_YEAR | YEAR
    | FISCAL | STARTING | MONTHLY | QUARTERLY | YEARLY | DAY | DAYS | WEEK | WEEKS | MONTHS | YEARS
    | THOUSAND | MILLION | BILLION | TRILLION | FOR
    | KIND | UNIT | IS | PUBLIC | IF | WITHDRAWS | EXISTING | RELEASES
    ;
