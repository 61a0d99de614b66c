^XA
^CI28
^PW812
^LL609
^FO30,30^A0N,44,44^FB750,2,0,L^FH^FDProduct: {{product_name}}^FS
^FO30,140^A0N,40,40^FH^FDLot: {{lot_name}}^FS
^FO30,195^A0N,40,40^FH^FDBest before: {{expiry}}^FS
^FO40,270^BY2^BCN,160,Y,N,N,D^FH^FD{{gs1:gs1}}^FS
^XZ
