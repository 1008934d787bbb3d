/**
 * Documented examples of the TN option order calls and the per-number read, copied from Bandwidth's OpenAPI
 * reference (Bandwidth/api-docs `site/specs/numbers.yml`), and the Voice Configuration Package bodies that Bandwidth's
 * CLI (Bandwidth/cli) builds and reads, copied from its code and tests. Each fixture names its source. The package API
 * has no published reference: its fixtures are what the CLI sends and what its response readers are tested against.
 */

// Source: numbers.yml, POST /accounts/{accountId}/tnoptions (CreateTnOptionOrder), request body example.
export const TNOPTION_ORDER_CREATE_REQUEST = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<TnOptionOrder>
  <CustomerOrderId>TnOptionOrder1</CustomerOrderId>
  <TnOptionGroups>
    <TnOptionGroup>
      <NumberFormat>10digit</NumberFormat>
      <RPIDFormat>10digit</RPIDFormat>
      <RewriteUser>testUser1</RewriteUser>
      <CallForward>6042661720</CallForward>
      <CallingNameDisplay>on</CallingNameDisplay>
      <PortOutPasscode>a1b2c3</PortOutPasscode>
      <Protected>true</Protected>
      <Sms>on</Sms>
      <FinalDestinationURI>sip:+12345678901@1.2.3.4:5060</FinalDestinationURI>
      <A2pSettings>
        <MessageClass>M</MessageClass>
        <CampaignId>campaignId010</CampaignId>
        <Action>asSpecified</Action>
      </A2pSettings>
      <TelephoneNumbers>
        <TelephoneNumber>2018551020</TelephoneNumber>
      </TelephoneNumbers>
    </TnOptionGroup>
    <TnOptionGroup>
      <CallingNameDisplay>off</CallingNameDisplay>
      <Protected>false</Protected>
      <Sms>off</Sms>
      <OriginationRoutePlan>
        <Route>
          <Endpoint>6105552502</Endpoint>
          <Priority>1</Priority>
          <Weight>100</Weight>
        </Route>
        <Route>
          <Endpoint>sip:clarkkent@dailyplanet.com</Endpoint>
          <Priority>2</Priority>
          <Weight>100</Weight>
        </Route>
        <Route>
          <Endpoint>192.168.20.21</Endpoint>
          <Priority>3</Priority>
          <Weight>50</Weight>
        </Route>
        <Route>
          <Endpoint>7075552509</Endpoint>
          <Priority>3</Priority>
          <Weight>50</Weight>
        </Route>
        <Route>
          <Endpoint>myhost.bandwidth.example</Endpoint>
          <Priority>4</Priority>
          <Weight>100</Weight>
        </Route>
        <Action>asSpecified</Action>
      </OriginationRoutePlan>
      <TelephoneNumbers>
        <TelephoneNumber>2018551025</TelephoneNumber>
      </TelephoneNumbers>
    </TnOptionGroup>
    <TnOptionGroup>
      <PindropEnabled>true</PindropEnabled>
      <TelephoneNumbers>
        <TelephoneNumber>2018551026</TelephoneNumber>
      </TelephoneNumbers>
    </TnOptionGroup>
    <TnOptionGroup>
      <CallVerificationEnabled>true</CallVerificationEnabled>
      <TelephoneNumbers>
        <TelephoneNumber>2018551027</TelephoneNumber>
      </TelephoneNumbers>
    </TnOptionGroup>
  </TnOptionGroups>
</TnOptionOrder>`;

// Source: numbers.yml, CreateTnOptionOrder, response 201 example.
export const TNOPTION_ORDER_CREATE_RESPONSE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<TnOptionOrderResponse>
  <TnOptionOrder>
    <OrderCreateDate>2016-01-15T12:01:14.324Z</OrderCreateDate>
    <AccountId>14</AccountId>
    <CreatedByUser>jbm</CreatedByUser>
    <OrderId>ddbdc72e-dc27-490c-904e-d0c11291b095</OrderId>
    <LastModifiedDate>2016-01-15T12:01:14.324Z</LastModifiedDate>
    <ProcessingStatus>RECEIVED</ProcessingStatus>
    <TnOptionGroups>
      <TnOptionGroup>
        <NumberFormat>10digit</NumberFormat>
        <RPIDFormat>10digit</RPIDFormat>
        <RewriteUser>testUser1</RewriteUser>
        <CallForward>6042661720</CallForward>
        <CallingNameDisplay>on</CallingNameDisplay>
        <Protected>true</Protected>
        <Sms>on</Sms>
        <TelephoneNumbers>
          <TelephoneNumber>2018551020</TelephoneNumber>
        </TelephoneNumbers>
      </TnOptionGroup>
      <TnOptionGroup>
        <CallingNameDisplay>off</CallingNameDisplay>
        <Protected>false</Protected>
        <Sms>off</Sms>
        <TelephoneNumbers>
          <TelephoneNumber>2018551025</TelephoneNumber>
        </TelephoneNumbers>
      </TnOptionGroup>
    </TnOptionGroups>
    <ErrorList/>
  </TnOptionOrder>
</TnOptionOrderResponse>`;

// Source: numbers.yml, CreateTnOptionOrder, response 400 example.
export const TNOPTION_ORDER_400_RESPONSE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<TnOptionOrderResponse>
  <ResponseStatus>
    <ErrorCode>5081</ErrorCode>
    <Description>Number Format 'wrong' is invalid.</Description>
  </ResponseStatus>
</TnOptionOrderResponse>`;

// Source: numbers.yml, CreateTnOptionOrder, response 409 example.
export const TNOPTION_ORDER_409_RESPONSE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<TnOptionOrderResponse>
  <ResponseStatus>
    <ErrorCode>5200</ErrorCode>
    <Description>Origination route plan is not enabled for the account.</Description>
  </ResponseStatus>
</TnOptionOrderResponse>`;

// Source: numbers.yml, GET /accounts/{accountId}/tnoptions/{orderId} (GetTnOptionOrder), response 200 example.
export const TNOPTION_ORDER_GET_RESPONSE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<TnOptionOrder>
  <OrderCreateDate>2016-01-15T11:22:58.789Z</OrderCreateDate>
  <AccountId>14</AccountId>
  <CreatedByUser>jbm</CreatedByUser>
  <OrderId>409033ee-88ec-43e3-85f3-538f30733963</OrderId>
  <LastModifiedDate>2016-01-15T11:22:58.969Z</LastModifiedDate>
  <ProcessingStatus>COMPLETE</ProcessingStatus>
  <TnOptionGroups>
    <TnOptionGroup>
      <CallingNameDisplay>on</CallingNameDisplay>
      <Sms>on</Sms>
      <TelephoneNumbers>
        <TelephoneNumber>2174101601</TelephoneNumber>
      </TelephoneNumbers>
    </TnOptionGroup>
    <TnOptionGroup>
      <CallingNameDisplay>off</CallingNameDisplay>
      <TelephoneNumbers>
        <TelephoneNumber>2174101602</TelephoneNumber>
      </TelephoneNumbers>
      </TnOptionGroup>
    <TnOptionGroup>
      <CallingNameDisplay>systemdefault</CallingNameDisplay>
      <FinalDestinationURI>sip:+12345678901@1.2.3.4:5060</FinalDestinationURI>
      <TelephoneNumbers>
        <TelephoneNumber>2174101603</TelephoneNumber>
      </TelephoneNumbers>
    </TnOptionGroup>
  </TnOptionGroups>
  <ErrorList/>
  <Warnings>
    <Warning>
      <TelephoneNumber>2174101601</TelephoneNumber>
      <Description>SMS is already Enabled or number is in processing.</Description>
    </Warning>
  </Warnings>
</TnOptionOrder>`;

// Source: numbers.yml, GetTnOptionOrder, response 404 example.
export const TNOPTION_ORDER_404_RESPONSE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<TnOptionOrderReportResponse>
  <ResponseStatus>
    <Description>The resource does not exist</Description>
  </ResponseStatus>
</TnOptionOrderReportResponse>`;

// Source: numbers.yml, GET /accounts/{accountId}/tnoptions (GetTnOptionOrders), response 200 example, the part before
// its "<!-- OR -->" (the summary form), closed with the root's end tag.
export const TNOPTION_ORDERS_LIST_SUMMARY_RESPONSE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<TnOptionOrderReportResponse>
   <TnOptionOrders>
      <TotalCount>2</TotalCount>
      <TnOptionOrderSummary>
         <accountId>14</accountId>
         <CountOfTNs>2</CountOfTNs>
         <userId>jbm</userId>
         <lastModifiedDate>2016-01-15T12:01:14.363Z</lastModifiedDate>
         <OrderDate>2016-01-15T12:01:14.324Z</OrderDate>
         <OrderType>tn_option</OrderType>
         <OrderStatus>FAILED</OrderStatus>
         <OrderId>ddbdc72e-dc27-490c-904e-d0c11291b095</OrderId>
      </TnOptionOrderSummary>
      <TnOptionOrderSummary>
         <accountId>14</accountId>
         <CountOfTNs>3</CountOfTNs>
         <userId>jbm</userId>
         <lastModifiedDate>2016-01-15T11:22:58.969Z</lastModifiedDate>
         <OrderDate>2016-01-15T11:22:58.789Z</OrderDate>
         <OrderType>tn_option</OrderType>
         <OrderStatus>COMPLETE</OrderStatus>
         <OrderId>409033ee-88ec-43e3-85f3-538f30733963</OrderId>
      </TnOptionOrderSummary>
   </TnOptionOrders>
</TnOptionOrderReportResponse>`;

// Source: the same example, the part after "<!-- OR -->" (the orderDetails=true form), under the same root.
export const TNOPTION_ORDERS_LIST_DETAILED_RESPONSE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<TnOptionOrderReportResponse>
   <TnOptionOrders>
      <TotalCount>2</TotalCount>
      <TnOptionOrder>
         <OrderCreateDate>2016-01-15T12:01:14.324Z</OrderCreateDate>
         <AccountId>14</AccountId>
         <CreatedByUser>jbm</CreatedByUser>
         <OrderId>ddbdc72e-dc27-490c-904e-d0c11291b095</OrderId>
         <LastModifiedDate>2016-01-15T12:01:14.363Z</LastModifiedDate>
         <ProcessingStatus>FAILED</ProcessingStatus>
         <TnOptionGroups>
            <TnOptionGroup>
               <NumberFormat>10digit</NumberFormat>
               <RPIDFormat>10digit</RPIDFormat>
               <RewriteUser>testUser1</RewriteUser>
               <CallForward>6042661720</CallForward>
               <CallingNameDisplay>on</CallingNameDisplay>
               <Protected>true</Protected>
               <Sms>on</Sms>
               <FinalDestinationURI>sip:+12345678901@1.2.3.4:5060</FinalDestinationURI>
               <TelephoneNumbers>
                  <TelephoneNumber>2018551020</TelephoneNumber>
               </TelephoneNumbers>
            </TnOptionGroup>
            <TnOptionGroup>
               <CallingNameDisplay>off</CallingNameDisplay>
               <Protected>false</Protected>
               <Sms>off</Sms>
               <TelephoneNumbers>
                  <TelephoneNumber>2018551025</TelephoneNumber>
               </TelephoneNumbers>
            </TnOptionGroup>
         </TnOptionGroups>
         <ErrorList>
            <Error>
               <Code>5076</Code>
               <Description>Telephone number is not available.</Description>
               <TelephoneNumber>2018551025</TelephoneNumber>
            </Error>
            <Error>
               <Code>5076</Code>
               <Description>Telephone number is not available.</Description>
               <TelephoneNumber>2018551020</TelephoneNumber>
            </Error>
         </ErrorList>
      </TnOptionOrder>
      <TnOptionOrder>
         <OrderCreateDate>2016-01-15T11:22:58.789Z</OrderCreateDate>
         <AccountId>14</AccountId>
         <CreatedByUser>jbm</CreatedByUser>
         <OrderId>409033ee-88ec-43e3-85f3-538f30733963</OrderId>
         <LastModifiedDate>2016-01-15T11:22:58.969Z</LastModifiedDate>
         <ProcessingStatus>COMPLETE</ProcessingStatus>
         <TnOptionGroups>
            <TnOptionGroup>
               <CallingNameDisplay>on</CallingNameDisplay>
               <TelephoneNumbers>
                  <TelephoneNumber>2174101601</TelephoneNumber>
               </TelephoneNumbers>
            </TnOptionGroup>
            <TnOptionGroup>
               <CallingNameDisplay>off</CallingNameDisplay>
               <TelephoneNumbers>
                  <TelephoneNumber>2174101602</TelephoneNumber>
               </TelephoneNumbers>
            </TnOptionGroup>
            <TnOptionGroup>
               <CallingNameDisplay>systemdefault</CallingNameDisplay>
               <TelephoneNumbers>
                  <TelephoneNumber>2174101603</TelephoneNumber>
               </TelephoneNumbers>
            </TnOptionGroup>
         </TnOptionGroups>
         <ErrorList/>
      </TnOptionOrder>
   </TnOptionOrders>
</TnOptionOrderReportResponse>`;

// Source: numbers.yml, GET /accounts/{accountId}/tnoptions/{orderId}/history, response 200 example.
export const TNOPTION_ORDER_HISTORY_RESPONSE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<OrderHistoryWrapper>
   <OrderHistory>
      <OrderDate>2020-09-17T08:56:39.607Z</OrderDate>
      <Note>Order has been received by the system.</Note>
      <Author>admin</Author>
      <Status>received</Status>
   </OrderHistory>
   <OrderHistory>
      <OrderDate>2020-09-17T08:56:39.743Z</OrderDate>
      <Note>Order processing has started.</Note>
      <Author>admin</Author>
      <Status>processing</Status>
   </OrderHistory>
   <OrderHistory>
      <OrderDate>2020-09-17T08:56:39.820Z</OrderDate>
      <Note>Order is complete.</Note>
      <Author>admin</Author>
      <Status>complete</Status>
   </OrderHistory>
</OrderHistoryWrapper>`;

// Source: numbers.yml, GET /tns/{tn}/tndetails (RetrieveTnDetails), response 200 example "Simple response".
export const TN_DETAILS_RESPONSE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<TelephoneNumberResponse>
  <TelephoneNumberDetails>
    <City>JERSEY CITY</City>
    <Lata>224</Lata>
    <State>NJ</State>
    <FullNumber>2018981023</FullNumber>
    <Tier>0</Tier>
    <VendorId>49</VendorId>
    <VendorName>Bandwidth CLEC</VendorName>
    <OnNetVendor>true</OnNetVendor>
    <RateCenter>JERSEYCITY</RateCenter>
    <Status>Inservice</Status>
    <AccountId>14</AccountId>
    <Site>
      <Id>479</Id>
      <Name>site_9b08f</Name>
    </Site>
    <SipPeer>
      <PeerId>500014</PeerId>
      <PeerName>a2750fad-3</PeerName>
    </SipPeer>
    <ServiceTypes>
      <ServiceType>Voice</ServiceType>
      <ServiceType>Messaging</ServiceType>
    </ServiceTypes>
    <LastModified>2014-07-30T11:29:37.000Z</LastModified>
    <InServiceDate>2014-07-30T11:29:37.000Z</InServiceDate>
    <Features>
      <E911>
        <AccountId>14</AccountId>
        <LastE911OrderOutcome>SUCCESS</LastE911OrderOutcome>
        <SipPeerAddress>false</SipPeerAddress>
        <CallerName>Test CallerName</CallerName>
        <Address>
          <HouseNumber>901</HouseNumber>
          <StreetName>MAIN CAMPUS</StreetName>
          <StreetSuffix>DR</StreetSuffix>
          <City>RALEIGH</City>
          <StateCode>NC</StateCode>
          <Zip>27606</Zip>
          <PlusFour>5244</PlusFour>
          <Country>United States</Country>
        </Address>
        <EmergencyNotificationGroup>
          <Identifier>625e3ad9-c95e-4148-b2f7-d47a8dbdd0d9</Identifier>
          <Description>Building A</Description>
        </EmergencyNotificationGroup>
      </E911>
      <Lidb>
        <Status>Pending</Status>
        <SubscriberInformation>Fred</SubscriberInformation>
        <UseType>BUSINESS</UseType>
        <Visibility>PUBLIC</Visibility>
      </Lidb>
      <Dlda>
        <Status>Success</Status>
        <SubscriberType>BUSINESS</SubscriberType>
        <ListingType>LISTED</ListingType>
        <ListingName>
          <FirstName>Joe</FirstName>
          <LastName>Smith</LastName>
        </ListingName>
        <ListAddress>true</ListAddress>
        <Address>
          <HouseNumber>12</HouseNumber>
          <StreetName>ELM</StreetName>
         <City>New York</City>
          <StateCode>NY</StateCode>
          <Zip>10007</Zip>
          <Country>United States</Country>
          <AddressType>Dlda</AddressType>
        </Address>
      </Dlda>
    </Features>
    <OriginationRoutePlan>
      <Id>cfa6ef74-4944-47c2-b112-0cf4360b1fa5</Id>
      <Route>
        <Endpoint>6107622689</Endpoint>
        <Priority>1</Priority>
        <Weight>100</Weight>
        <EndpointType>TN</EndpointType>
      </Route>
      <Route>
        <Endpoint>sip:abcd@domain.com</Endpoint>
        <Priority>2</Priority>
        <Weight>100</Weight>
        <EndpointType>SIP</EndpointType>
      </Route>
      <Route>
        <Endpoint>7610762269</Endpoint>
        <Priority>3</Priority>
        <Weight>50</Weight>
        <EndpointType>TN</EndpointType>
      </Route>
      <Route>
        <Endpoint>192.0.2.0/24</Endpoint>
        <Priority>3</Priority>
        <Weight>50</Weight>
        <EndpointType>Ipv4</EndpointType>
      </Route>
      <Route>
        <Endpoint>myhost.bandwidth.example</Endpoint>
        <Priority>4</Priority>
        <Weight>100</Weight>
        <EndpointType>FQDN</EndpointType>
      </Route>
    </OriginationRoutePlan>
    <MessagingSettings>
      <SmsEnabled>true</SmsEnabled>
      <AssignedNNRoute>
      <Nnid>101601</Nnid>
      <Name>USA Mobility</Name>
      </AssignedNNRoute>
    </MessagingSettings>
    <TnAttributes>
      <TnAttribute>Protected</TnAttribute>
      <TnAttribute>External</TnAttribute>
    </TnAttributes>
  </TelephoneNumberDetails>
</TelephoneNumberResponse>`;

// Source: Bandwidth/cli cmd/vcp/vcp_test.go, TestBuildVCPCreateBody_WithAllFields (the body cmd/vcp/create.go POSTs).
export const VCP_CREATE_REQUEST = {
  name: "Voice VCP",
  description: "For voice calls",
  httpVoiceV2ApplicationId: "abc-123-def",
};

// Source: Bandwidth/cli cmd/quickstart/quickstart_test.go, TestExtractIDFromResponse "nested in data wrapper": the
// create answer quickstart.go reads the package id from.
export const VCP_CREATE_RESPONSE = { data: { voiceConfigurationPackageId: "vcp-456" } };

// Source: Bandwidth/cli internal/output/output_test.go, TestFlattenResponse_JSONEnvelope_SingleObject (a package GET).
export const VCP_GET_RESPONSE = {
  data: { name: "VCP 1", id: "abc" },
  links: [],
  errors: [],
};

// Source: Bandwidth/cli internal/output/output_test.go, TestFlattenResponse_JSONEnvelope (a list of packages).
export const VCP_LIST_RESPONSE = {
  data: [
    { name: "VCP 1", id: "abc" },
    { name: "VCP 2", id: "def" },
  ],
  links: [{ rel: "self" }],
  errors: [],
  page: { pageSize: 500 },
};

// Source: Bandwidth/cli cmd/vcp/update.go BuildVCPUpdateBody, as cmd/vcp/vcp_test.go TestBuildVCPUpdateBody_AllFields
// builds it (sent with PATCH).
export const VCP_UPDATE_REQUEST = {
  name: "Updated",
  description: "New description",
  httpVoiceV2ApplicationId: "def-456",
};

// Source: Bandwidth/cli cmd/vcp/vcp_test.go TestBuildAssignBody (cmd/vcp/assign.go POSTs it to .../phoneNumbers/bulk;
// the CLI's comment there: "The API returns null on success").
export const VCP_BULK_ASSIGN_REQUEST = { action: "ADD", phoneNumbers: ["+19195551234", "+19195551235"] };

// Source: Bandwidth/cli cmd/quickstart/quickstart_test.go TestAssignErrIsRetryable, the VCS-0044 case (HTTP 400).
export const VCP_NOT_ASSIGNABLE_RESPONSE = { errors: [{ code: "VCS-0044" }] };

// Source: Bandwidth/cli cmd/tendlc/tendlc_test.go, the shape of a 403 from the same platform (type and description).
export const PLATFORM_FORBIDDEN_RESPONSE = {
  errors: [{ type: "forbidden", description: "client does not have access rights to the content" }],
};

// Source: Bandwidth/cli cmd/quickstart/quickstart.go firstAssignedNumber ("the response shape is
// {"data":[{"phoneNumber":"+1...", ...}], ...}") and cmd/number/get.go (page.afterCursor), for
// GET /v2/accounts/{a}/phoneNumbers/voice?voiceConfigurationPackageId=...
export const VOICE_NUMBERS_RESPONSE = {
  data: [{ phoneNumber: "+19195551234" }],
  page: { afterCursor: "+19195551234" },
};
